<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AboutPage</name>
    <message>
        <location filename="../../desktop/gui/pages/about_page.py" line="231"/>
        <source>required</source>
        <translation>bắt buộc</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/about_page.py" line="233"/>
        <source>already past: the check is made before leaving</source>
        <translation>ngày này đã qua: phải kiểm tra trước khi lên đường</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/about_page.py" line="235"/>
        <source>not covered by this code or programme</source>
        <translation>không thuộc đối tượng của quy tắc hoặc chương trình này</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/about_page.py" line="239"/>
        <source>choose your agency from the list</source>
        <translation>chọn cơ quan của anh/chị trong danh sách</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/about_page.py" line="240"/>
        <source>does not run this programme: go back and choose another</source>
        <translation>không áp dụng chương trình này: quay lại và chọn chương trình khác</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/about_page.py" line="242"/>
        <source>letters, digits, &apos;.&apos;, &apos;-&apos; or &apos;_&apos; only</source>
        <translation>chỉ gồm chữ, số, &apos;.&apos;, &apos;-&apos; hoặc &apos;_&apos;</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/about_page.py" line="243"/>
        <source>a year such as 1985</source>
        <translation>một năm, ví dụ 1985</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/about_page.py" line="244"/>
        <source>a date as dd/mm/yyyy</source>
        <translation>ngày theo dạng ngày/tháng/năm</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/about_page.py" line="246"/>
        <source>too long</source>
        <translation>quá dài</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/about_page.py" line="249"/>
        <source>About you</source>
        <translation>Thông tin cá nhân</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/about_page.py" line="251"/>
        <source>A&amp;gency (the code that applies):</source>
        <translation>Cơ quan (quy tắc áp &amp;dụng):</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/about_page.py" line="252"/>
        <source>Full &amp;name (with diacritics):</source>
        <translation>&amp;Họ và tên (có dấu):</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/about_page.py" line="253"/>
        <source>&amp;Staff id:</source>
        <translation>&amp;Mã cán bộ:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/about_page.py" line="254"/>
        <source>&amp;Unit:</source>
        <translation>Đơn &amp;vị:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/about_page.py" line="255"/>
        <source>&amp;Position:</source>
        <translation>&amp;Chức vụ, chức danh:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/about_page.py" line="256"/>
        <source>Cate&amp;gory:</source>
        <translation>Đối &amp;tượng:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/about_page.py" line="257"/>
        <source>Birth &amp;year (optional, only used here):</source>
        <translation>&amp;Năm sinh (không bắt buộc, chỉ dùng trên máy này):</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/about_page.py" line="258"/>
        <source>&amp;Destination country:</source>
        <translation>Nước &amp;đến:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/about_page.py" line="259"/>
        <source>&amp;Mission:</source>
        <translation>Cơ &amp;quan đại diện:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/about_page.py" line="260"/>
        <source>De&amp;parture date (dd/mm/yyyy):</source>
        <translation>Ngày &amp;lên đường (ngày/tháng/năm):</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/about_page.py" line="159"/>
        <location filename="../../desktop/gui/pages/about_page.py" line="271"/>
        <source>(choose)</source>
        <translation>(chọn)</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../desktop/gui/pages/accounts_page.py" line="58"/>
        <source>Account</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/accounts_page.py" line="74"/>
        <source>&amp;Platform:</source>
        <translation>&amp;Nền tảng:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/accounts_page.py" line="75"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Loại:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/accounts_page.py" line="76"/>
        <source>&amp;Handle or address:</source>
        <translation>Tên tài khoản hoặc đường &amp;dẫn:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/accounts_page.py" line="77"/>
        <source>&amp;Display name:</source>
        <translation>&amp;Tên hiển thị:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/accounts_page.py" line="78"/>
        <source>&amp;Registration e-mail:</source>
        <translation>Thư điện tử đăng &amp;ký:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/accounts_page.py" line="79"/>
        <source>Re&amp;covery e-mail:</source>
        <translation>Thư điện tử khôi &amp;phục:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/accounts_page.py" line="80"/>
        <source>Phone that &amp;authenticates it:</source>
        <translation>Số điện thoại &amp;xác thực:</translation>
    </message>
</context>
<context>
    <name>AccountPage</name>
    <message>
        <location filename="../../desktop/gui/pages/account_page.py" line="128"/>
        <source>matches your real name</source>
        <translation>khớp với họ tên thật của anh/chị</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/account_page.py" line="132"/>
        <source>not part of your real name: %1</source>
        <translation>không thuộc họ tên thật: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/account_page.py" line="136"/>
        <source>lacks: %1</source>
        <translation>còn thiếu: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/account_page.py" line="143"/>
        <source>an official address (%1): use a personal one</source>
        <translation>là thư điện tử công vụ (%1): hãy dùng địa chỉ cá nhân</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/account_page.py" line="148"/>
        <source>not an official address</source>
        <translation>không phải thư điện tử công vụ</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/account_page.py" line="175"/>
        <source>Score %1/4 · %2 characters (at least %3) · cracked in %4</source>
        <translation>Điểm %1/4 · %2 ký tự (cần ít nhất %3) · thời gian dò ra: %4</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/account_page.py" line="185"/>
        <source>⚠ The same password is used for another account.</source>
        <translation>⚠ Mật khẩu này đang được dùng cho một tài khoản khác.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/account_page.py" line="258"/>
        <source>Details</source>
        <translation>Thông tin tài khoản</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/account_page.py" line="259"/>
        <source>&amp;Display name:</source>
        <translation>&amp;Tên hiển thị:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/account_page.py" line="260"/>
        <source>Registration &amp;e-mail:</source>
        <translation>Thư điện tử &amp;đăng ký:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/account_page.py" line="262"/>
        <source>I checked that codes reach my recovery e-mail and phone</source>
        <translation>Tôi đã thử và nhận được mã ở thư điện tử, số điện thoại khôi phục</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/account_page.py" line="264"/>
        <source>Password (measured here, never stored)</source>
        <translation>Mật khẩu (đo ngay trên máy này, không bao giờ được lưu)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/account_page.py" line="265"/>
        <source>type the password to measure it</source>
        <translation>nhập mật khẩu để đo độ mạnh</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/account_page.py" line="266"/>
        <source>I prefer not to type it (I will declare it instead)</source>
        <translation>Tôi không muốn nhập (tôi sẽ tự khai báo)</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <location filename="../../desktop/gui/pages/accounts_page.py" line="218"/>
        <location filename="../../desktop/gui/pages/accounts_page.py" line="228"/>
        <source>Your accounts</source>
        <translation>Các tài khoản của anh/chị</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/accounts_page.py" line="221"/>
        <source>List every social-network account you hold and every official page you administer. No password is asked here.</source>
        <translation>Liệt kê mọi tài khoản mạng xã hội anh/chị sở hữu và mọi trang chính thức anh/chị quản trị. Ở đây không hỏi mật khẩu.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/accounts_page.py" line="226"/>
        <source>Platform</source>
        <translation>Nền tảng</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/accounts_page.py" line="226"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/accounts_page.py" line="226"/>
        <source>Handle or address</source>
        <translation>Tên tài khoản hoặc đường dẫn</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/accounts_page.py" line="229"/>
        <source>&amp;Add account…</source>
        <translation>&amp;Thêm tài khoản…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/accounts_page.py" line="230"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Sửa…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/accounts_page.py" line="231"/>
        <source>&amp;Remove</source>
        <translation>&amp;Xóa</translation>
    </message>
</context>
<context>
    <name>CarriedNote</name>
    <message>
        <location filename="../../desktop/gui/carried.py" line="52"/>
        <source>↺ Filled in as in your last declaration (%1): confirm or change each field.</source>
        <translation>↺ Đã điền như bản khai lần trước (%1): anh/chị xác nhận hoặc sửa từng mục.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/carried.py" line="57"/>
        <source>↺ Your accounts as in your last declaration (%1): confirm or change them, add any new account and remove any you closed.</source>
        <translation>↺ Các tài khoản như bản khai lần trước (%1): anh/chị xác nhận hoặc sửa, thêm tài khoản mới và xóa tài khoản đã đóng.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/carried.py" line="64"/>
        <source>↺ Details and answers as in your last declaration (%1): confirm or change them. The password is never kept: type it again to measure it.</source>
        <translation>↺ Thông tin và câu trả lời như bản khai lần trước (%1): anh/chị xác nhận hoặc sửa. Mật khẩu không bao giờ được lưu: anh/chị nhập lại để ứng dụng đánh giá.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/carried.py" line="81"/>
        <source>As in your last declaration: confirm or change.</source>
        <translation>Như bản khai lần trước: anh/chị xác nhận hoặc sửa.</translation>
    </message>
</context>
<context>
    <name>CountersignDialog</name>
    <message>
        <location filename="../../desktop/gui/countersign_dialog.py" line="94"/>
        <source>Type your reviewer id (letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;).</source>
        <translation>Anh/chị hãy nhập mã người rà soát (chữ cái, chữ số, &apos;.&apos;, &apos;_&apos; hoặc &apos;-&apos;).</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/countersign_dialog.py" line="112"/>
        <source>Opening the signing key… The keychain may ask you to unlock it.</source>
        <translation>Đang mở khóa ký… Kho khóa của hệ thống có thể yêu cầu anh/chị mở khóa.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/countersign_dialog.py" line="120"/>
        <location filename="../../desktop/gui/countersign_dialog.py" line="123"/>
        <source>Not countersigned.</source>
        <translation>Chưa ký xác nhận.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/countersign_dialog.py" line="126"/>
        <source>Countersigned: %1</source>
        <translation>Đã ký xác nhận: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/countersign_dialog.py" line="135"/>
        <source>SelfCheck: countersign a declaration</source>
        <translation>SelfCheck: ký xác nhận bản khai</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/countersign_dialog.py" line="138"/>
        <source>Sign your decision on %1 with your own SelfCheck key. Three files are written beside the bundle; ssh-keygen -Y verify checks them.</source>
        <translation>Ký quyết định của anh/chị đối với %1 bằng khóa ký SelfCheck của chính anh/chị. Ba tệp được ghi bên cạnh gói bản khai; có thể kiểm tra bằng ssh-keygen -Y verify.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/countersign_dialog.py" line="144"/>
        <source>Your &amp;reviewer id:</source>
        <translation>&amp;Mã người rà soát:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/countersign_dialog.py" line="144"/>
        <source>&amp;Decision:</source>
        <translation>&amp;Quyết định:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/countersign_dialog.py" line="144"/>
        <source>&amp;Passphrase:</source>
        <translation>Cụm &amp;mật khẩu:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/countersign_dialog.py" line="150"/>
        <source>Accepted</source>
        <translation>Chấp nhận</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/countersign_dialog.py" line="151"/>
        <source>Returned to be fixed</source>
        <translation>Trả lại để khắc phục</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/countersign_dialog.py" line="153"/>
        <source>&amp;Countersign</source>
        <translation>&amp;Ký xác nhận</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/countersign_dialog.py" line="154"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>CrashReport</name>
    <message>
        <location filename="../../desktop/gui/app.py" line="142"/>
        <source>Something went wrong in SelfCheck. Your draft is saved at every page, so little or nothing is lost: carry on, or close SelfCheck and open it again.</source>
        <translation>SelfCheck đã gặp lỗi. Bản nháp được lưu ở mỗi trang nên hầu như không mất gì: anh/chị có thể làm tiếp, hoặc đóng SelfCheck rồi mở lại.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/app.py" line="149"/>
        <source>The details could not be written to a file.</source>
        <translation>Không ghi được chi tiết lỗi ra tệp.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/app.py" line="153"/>
        <source>If it happens again, give your IT officer the details in this file:</source>
        <translation>Nếu lỗi lặp lại, hãy gửi cho cán bộ công nghệ thông tin tệp ghi chi tiết này:</translation>
    </message>
</context>
<context>
    <name>DraftSaver</name>
    <message>
        <location filename="../../desktop/gui/draft_saver.py" line="61"/>
        <source>The draft could not be saved: %1</source>
        <translation>Không lưu được bản nháp: %1</translation>
    </message>
</context>
<context>
    <name>EndScreen</name>
    <message>
        <location filename="../../desktop/gui/end_screen.py" line="126"/>
        <source>The PDF could not be opened: %1</source>
        <translation>Không mở được tệp PDF: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/end_screen.py" line="137"/>
        <source>No program was found to open it. It is here: %1</source>
        <translation>Không tìm thấy chương trình để mở. Tệp nằm tại: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/end_screen.py" line="149"/>
        <source>Open &amp;folder</source>
        <translation>Mở &amp;thư mục</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/end_screen.py" line="150"/>
        <source>Open &amp;PDF</source>
        <translation>Mở tệp &amp;PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/end_screen.py" line="151"/>
        <source>&amp;Done</source>
        <translation>&amp;Xong</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/end_screen.py" line="159"/>
        <source>Declaration no. %1 is signed</source>
        <translation>Bản khai số %1 đã được ký</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/end_screen.py" line="162"/>
        <source>Vietnamese</source>
        <translation>tiếng Việt</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/end_screen.py" line="162"/>
        <source>English</source>
        <translation>tiếng Anh</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/end_screen.py" line="168"/>
        <source>The bundle could not be saved in %1. Export it from the History window of the start screen.</source>
        <translation>Không lưu được gói bản khai vào %1. Xuất gói bản khai từ cửa sổ Lịch sử trên màn hình bắt đầu.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/end_screen.py" line="174"/>
        <source>The bundle to hand in, as one .zip file: %1</source>
        <translation>Gói bản khai để nộp, dạng một tệp .zip: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/end_screen.py" line="180"/>
        <source>The PDF to print (%1) is inside it, as %2.</source>
        <translation>Tệp PDF để in (%1) nằm trong tệp .zip đó, tên là %2.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/end_screen.py" line="186"/>
        <source>The bundle to hand in, as a folder: %1</source>
        <translation>Gói bản khai để nộp, dạng thư mục: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/end_screen.py" line="190"/>
        <source>The PDF to print (%1): %2</source>
        <translation>Tệp PDF để in (%1): %2</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/end_screen.py" line="196"/>
        <source>A copy is kept in this computer&apos;s history (%1); the start screen lists it under Signed declarations.</source>
        <translation>Một bản được lưu trong lịch sử trên máy tính này (%1); màn hình bắt đầu liệt kê bản khai ở mục Các bản kê khai đã ký.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/end_screen.py" line="202"/>
        <source>Hand the bundle in as your unit asks (e-mail or USB). Nothing has been sent anywhere.</source>
        <translation>Anh/chị nộp gói bản khai theo cách đơn vị yêu cầu (thư điện tử hoặc USB). Chưa có gì được gửi đi đâu cả.</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../../desktop/gui/enrol_dialog.py" line="99"/>
        <location filename="../../desktop/gui/enrol_dialog.py" line="106"/>
        <source>The official&apos;s bundle</source>
        <translation>Gói bản khai của cán bộ</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrol_dialog.py" line="115"/>
        <source>The official&apos;s summary PDF</source>
        <translation>Tệp PDF bản khai của cán bộ</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrol_dialog.py" line="123"/>
        <source>Reading the PDF…</source>
        <translation>Đang đọc tệp PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrol_dialog.py" line="132"/>
        <source>No SelfCheck QR code or key fingerprint was found in that PDF.</source>
        <translation>Không tìm thấy mã QR của SelfCheck hay dấu vân tay khóa trong tệp PDF đó.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrol_dialog.py" line="139"/>
        <source>Read from the QR code: %1. Check it against the printout.</source>
        <translation>Đã đọc từ mã QR: %1. Anh/chị hãy đối chiếu với bản in.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrol_dialog.py" line="141"/>
        <source>Read from the PDF&apos;s text: %1. Check it against the printout.</source>
        <translation>Đã đọc từ nội dung tệp PDF: %1. Anh/chị hãy đối chiếu với bản in.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrol_dialog.py" line="149"/>
        <source>Type or choose the staff id.</source>
        <translation>Anh/chị hãy nhập hoặc chọn mã cán bộ.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrol_dialog.py" line="166"/>
        <source>Nothing was enrolled.</source>
        <translation>Chưa đăng ký khóa nào.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrol_dialog.py" line="169"/>
        <source>Enrolled %1: %2</source>
        <translation>Đã đăng ký khóa cho %1: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrol_dialog.py" line="177"/>
        <source>Nothing was enrolled: the key is not an ssh-ed25519 public key (it starts with ssh-ed25519 AAAA).</source>
        <translation>Chưa đăng ký khóa nào: đây không phải khóa công khai ssh-ed25519 (khóa bắt đầu bằng ssh-ed25519 AAAA).</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrol_dialog.py" line="181"/>
        <source>Nothing was enrolled: give the key fingerprint printed on the official&apos;s PDF (SHA256: and 43 characters), or read it from the PDF.</source>
        <translation>Chưa đăng ký khóa nào: anh/chị hãy nhập dấu vân tay khóa in trên tệp PDF của cán bộ (SHA256: và 43 ký tự), hoặc đọc từ tệp PDF.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrol_dialog.py" line="185"/>
        <source>Nothing was enrolled: choose the official&apos;s bundle or paste their public key.</source>
        <translation>Chưa đăng ký khóa nào: anh/chị hãy chọn gói bản khai của cán bộ hoặc dán khóa công khai của cán bộ.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrol_dialog.py" line="188"/>
        <source>Nothing was enrolled: the key&apos;s fingerprint is %1, not the one given.</source>
        <translation>Chưa đăng ký khóa nào: dấu vân tay của khóa là %1, không phải dấu vân tay đã nhập.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrol_dialog.py" line="191"/>
        <source>Nothing was enrolled: the bundle is signed for %1, not for this staff id.</source>
        <translation>Chưa đăng ký khóa nào: gói bản khai được ký cho %1, không phải cho mã cán bộ này.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrol_dialog.py" line="202"/>
        <source>SelfCheck: enrol an official&apos;s key</source>
        <translation>SelfCheck: đăng ký khóa của cán bộ</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrol_dialog.py" line="205"/>
        <source>Take the key from the official&apos;s bundle, or paste the public key they sent; it is enrolled only if its fingerprint is the one on their summary PDF.</source>
        <translation>Lấy khóa từ gói bản khai của cán bộ, hoặc dán khóa công khai cán bộ gửi; khóa chỉ được đăng ký khi dấu vân tay khớp với dấu vân tay in trên tệp PDF bản khai của cán bộ.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrol_dialog.py" line="212"/>
        <source>&amp;Staff id:</source>
        <translation>&amp;Mã cán bộ:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrol_dialog.py" line="213"/>
        <source>&amp;Bundle:</source>
        <translation>&amp;Gói bản khai:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrol_dialog.py" line="214"/>
        <source>or public &amp;key:</source>
        <translation>hoặc &amp;khóa công khai:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrol_dialog.py" line="215"/>
        <source>&amp;Fingerprint:</source>
        <translation>&amp;Dấu vân tay khóa:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrol_dialog.py" line="220"/>
        <source>Zip…</source>
        <translation>Tệp zip…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrol_dialog.py" line="221"/>
        <source>Folder…</source>
        <translation>Thư mục…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrol_dialog.py" line="222"/>
        <source>Read from the &amp;PDF…</source>
        <translation>Đọc từ tệp &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrol_dialog.py" line="223"/>
        <source>&amp;Enrol</source>
        <translation>Đăng &amp;ký</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/enrol_dialog.py" line="224"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../desktop/gui/messages.py" line="42"/>
        <source>The passphrase is wrong, or the key file has been altered.</source>
        <translation>Cụm mật khẩu không đúng, hoặc tệp khóa đã bị sửa đổi.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/messages.py" line="46"/>
        <source>The passphrase is too short: use at least 8 characters.</source>
        <translation>Cụm mật khẩu quá ngắn: hãy dùng ít nhất 8 ký tự.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/messages.py" line="50"/>
        <source>The encrypted key file is damaged and cannot be used.</source>
        <translation>Tệp khóa mã hóa đã bị hỏng và không dùng được.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/messages.py" line="54"/>
        <source>The keychain is locked: unlock it (log in again) and try once more.</source>
        <translation>Kho khóa của hệ thống đang bị khóa: hãy mở khóa (đăng nhập lại) rồi thử lại.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/messages.py" line="58"/>
        <source>The keychain is not the one the signing key was made in.</source>
        <translation>Kho khóa hiện tại không phải kho khóa đã tạo khóa ký.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/messages.py" line="62"/>
        <source>The key file needs its passphrase.</source>
        <translation>Tệp khóa cần cụm mật khẩu của nó.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/messages.py" line="64"/>
        <source>The signing key cannot be found.</source>
        <translation>Không tìm thấy khóa ký.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/messages.py" line="66"/>
        <source>The keychain refused to give or keep the signing key.</source>
        <translation>Kho khóa của hệ thống từ chối trả về hoặc lưu khóa ký.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/messages.py" line="70"/>
        <source>The history of declarations was damaged. A copy was kept aside and a new history was started; tell your unit&apos;s IT officer.</source>
        <translation>Lịch sử khai báo đã bị hỏng. Một bản sao đã được giữ riêng và lịch sử mới đã được bắt đầu; hãy báo cho cán bộ công nghệ thông tin của đơn vị.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/messages.py" line="76"/>
        <source>The history of declarations cannot be opened; nothing in it is shown.</source>
        <translation>Không mở được lịch sử khai báo; không hiển thị nội dung nào trong đó.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/messages.py" line="80"/>
        <source>This key is already enrolled for another staff id, and one key signs for one person. Ask the official for their own key&apos;s fingerprint.</source>
        <translation>Khóa ký này đã được đăng ký cho một mã cán bộ khác, mà mỗi khóa ký chỉ ký cho một người. Anh/chị hãy đề nghị cán bộ cung cấp dấu vân tay khóa của chính mình.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/messages.py" line="86"/>
        <source>The roster cannot be read: check the file named below (the staff list, its keys file or the record of accepted declarations).</source>
        <translation>Không đọc được danh sách cán bộ: anh/chị hãy kiểm tra tệp được nêu dưới đây (danh sách cán bộ, tệp khóa đi kèm hoặc tệp ghi các bản khai đã chấp nhận).</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/messages.py" line="94"/>
        <source>The declaration cannot be read: its content is damaged, or it was made by a newer version of SelfCheck.</source>
        <translation>Không đọc được bản khai: nội dung đã bị hỏng, hoặc bản khai được tạo bằng phiên bản SelfCheck mới hơn.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/messages.py" line="100"/>
        <source>The checklists cannot be read, so SelfCheck cannot work; ask your IT officer.</source>
        <translation>Không đọc được các danh mục kiểm tra nên SelfCheck không thể hoạt động; hãy hỏi cán bộ công nghệ thông tin.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/messages.py" line="105"/>
        <source>This draft cannot be read.</source>
        <translation>Không đọc được bản nháp này.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/messages.py" line="109"/>
        <source>The policy pack was refused: it is damaged, or not signed by an agency key this computer trusts.</source>
        <translation>Gói bộ tiêu chí bị từ chối: gói bị hỏng, hoặc không được ký bằng khóa của cơ quan mà máy tính này tin cậy.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/messages.py" line="118"/>
        <source>Signing with the USB token did not work.</source>
        <translation>Không ký được bằng USB token.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/messages.py" line="120"/>
        <source>The list of USB tokens&apos; PKCS#11 modules cannot be read.</source>
        <translation>Không đọc được danh sách thư viện PKCS#11 của USB token.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/messages.py" line="126"/>
        <source>A trust anchor of the agency (a root certificate that PDF signatures are checked against) cannot be used: check the file named below.</source>
        <translation>Không dùng được một chứng thư gốc của cơ quan (chứng thư dùng để kiểm tra chữ ký số trên tệp PDF): anh/chị kiểm tra tệp được nêu dưới đây.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/messages.py" line="133"/>
        <source>The disk is full; nothing was saved. Free some space and try again.</source>
        <translation>Ổ đĩa đã đầy; chưa có gì được lưu. Hãy giải phóng dung lượng rồi thử lại.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/messages.py" line="137"/>
        <source>SelfCheck may not write there; choose another folder.</source>
        <translation>SelfCheck không được phép ghi vào đó; hãy chọn thư mục khác.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/messages.py" line="140"/>
        <source>A file could not be read or written.</source>
        <translation>Không đọc hoặc ghi được một tệp.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/messages.py" line="141"/>
        <source>Something did not work.</source>
        <translation>Đã có lỗi xảy ra.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/messages.py" line="150"/>
        <source>This is not a SelfCheck bundle, or a file in it is damaged or out of place.</source>
        <translation>Đây không phải là gói bản khai SelfCheck, hoặc có tệp trong gói bị hỏng hay đặt sai chỗ.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/messages.py" line="155"/>
        <source>The bundle is incomplete: a file in it was cut short, perhaps while it was copied.</source>
        <translation>Gói bản khai không đầy đủ: có tệp trong gói bị cắt ngắn, có thể do sao chép chưa xong.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/messages.py" line="161"/>
        <source>The signature does not match: the declaration was changed after it was signed.</source>
        <translation>Chữ ký không khớp: bản khai đã bị sửa đổi sau khi ký.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/messages.py" line="166"/>
        <source>The bundle is not signed by a key enrolled for this person, or the key was not valid at that time.</source>
        <translation>Gói bản khai không được ký bằng khóa đã đăng ký cho người này, hoặc khóa đó không có hiệu lực vào thời điểm ký.</translation>
    </message>
</context>
<context>
    <name>FindingsDialog</name>
    <message>
        <location filename="../../desktop/gui/findings_dialog.py" line="57"/>
        <source>SelfCheck: the findings of %1</source>
        <translation>SelfCheck: kết quả của %1</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/findings_dialog.py" line="59"/>
        <source>Findings and fix-it plan</source>
        <translation>Kết quả và kế hoạch khắc phục</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/findings_dialog.py" line="60"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../desktop/gui/guide_dialog.py" line="15"/>
        <source>SelfCheck: user guide</source>
        <translation>SelfCheck: hướng dẫn sử dụng</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/guide_dialog.py" line="18"/>
        <source>User guide</source>
        <translation>Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/guide_dialog.py" line="25"/>
        <source>The user guide could not be read: %1</source>
        <translation>Không đọc được hướng dẫn sử dụng: %1</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <location filename="../../desktop/gui/history_window.py" line="113"/>
        <source>intact</source>
        <translation>nguyên vẹn</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/history_window.py" line="147"/>
        <source>This declaration is damaged; it is not shown or exported.</source>
        <translation>Bản khai này đã bị hỏng; không hiển thị và không xuất ra.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/history_window.py" line="181"/>
        <source>Save the bundle in</source>
        <translation>Lưu gói bản khai vào</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/history_window.py" line="231"/>
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/history_window.py" line="203"/>
        <source>Save the PDF</source>
        <translation>Lưu tệp PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/history_window.py" line="243"/>
        <source>SelfCheck: signed declarations</source>
        <translation>SelfCheck: các bản khai đã ký</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/history_window.py" line="244"/>
        <source>Signed declarations</source>
        <translation>Các bản kê khai đã ký</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/history_window.py" line="245"/>
        <source>The declaration chosen</source>
        <translation>Bản khai đang chọn</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/history_window.py" line="249"/>
        <source>Signed on (UTC)</source>
        <translation>Ngày ký (UTC)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/history_window.py" line="250"/>
        <source>Programme</source>
        <translation>Chương trình</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/history_window.py" line="251"/>
        <source>Verdict</source>
        <translation>Kết luận</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/history_window.py" line="252"/>
        <source>Chain</source>
        <translation>Chuỗi</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/history_window.py" line="255"/>
        <source>As one .&amp;zip file</source>
        <translation>Thành một tệp .&amp;zip</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/history_window.py" line="256"/>
        <source>Export the &amp;bundle…</source>
        <translation>Xuất &amp;gói bản khai…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/history_window.py" line="257"/>
        <source>Export the &amp;PDF…</source>
        <translation>Xuất tệp &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/history_window.py" line="258"/>
        <source>&amp;Close</source>
        <translation>Đón&amp;g</translation>
    </message>
</context>
<context>
    <name>ItemWidget</name>
    <message>
        <location filename="../../desktop/gui/item_widget.py" line="184"/>
        <source>Checked by the app:</source>
        <translation>Ứng dụng đã kiểm tra:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/item_widget.py" line="244"/>
        <source>↺ As in your last declaration: confirm or change.</source>
        <translation>↺ Như bản khai lần trước: anh/chị xác nhận hoặc sửa.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/item_widget.py" line="245"/>
        <source>Does not apply, because:</source>
        <translation>Không áp dụng, vì:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/item_widget.py" line="246"/>
        <source>the reason, for the reviewer</source>
        <translation>lý do, để người duyệt xem</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/item_widget.py" line="249"/>
        <source>Why “%1” does not apply</source>
        <translation>Lý do mục “%1” không áp dụng</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/item_widget.py" line="251"/>
        <source>Legal basis</source>
        <translation>Căn cứ</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/item_widget.py" line="252"/>
        <source>How to fix</source>
        <translation>Cách khắc phục</translation>
    </message>
</context>
<context>
    <name>ItemsPage</name>
    <message>
        <location filename="../../desktop/gui/pages/items_page.py" line="43"/>
        <source>Pledges</source>
        <translation>Cam kết</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/items_page.py" line="43"/>
        <source>Programme items</source>
        <translation>Nội dung theo chương trình</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="276"/>
        <source>About SelfCheck</source>
        <translation>Giới thiệu SelfCheck</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="278"/>
        <source>SelfCheck %1

Self-assessment of social-network accounts for Vietnamese public officials. Everything stays on this computer.</source>
        <translation>SelfCheck %1

Công cụ tự đánh giá tài khoản mạng xã hội dành cho cán bộ, công chức, viên chức. Mọi thông tin chỉ nằm trên máy tính này.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="301"/>
        <source>SelfCheck %1: social-network account self-assessment</source>
        <translation>SelfCheck %1: tự kiểm tra tài khoản mạng xã hội</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="305"/>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="306"/>
        <source>&amp;Reviewer</source>
        <translation>&amp;Rà soát</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="307"/>
        <source>&amp;Review a unit&apos;s declarations…</source>
        <translation>Rà &amp;soát bản khai của đơn vị…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="308"/>
        <source>&amp;Help</source>
        <translation>&amp;Trợ giúp</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="309"/>
        <source>&amp;About SelfCheck</source>
        <translation>&amp;Giới thiệu SelfCheck</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="310"/>
        <source>User &amp;guide</source>
        <translation>&amp;Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/main_window.py" line="311"/>
        <source>&amp;Install a policy pack…</source>
        <translation>&amp;Cài đặt gói bộ tiêu chí…</translation>
    </message>
</context>
<context>
    <name>PackInstall</name>
    <message>
        <location filename="../../desktop/gui/pack_install.py" line="16"/>
        <source>Install a policy pack</source>
        <translation>Cài đặt gói bộ tiêu chí</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pack_install.py" line="18"/>
        <source>Policy packs (*.zip)</source>
        <translation>Gói bộ tiêu chí (*.zip)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pack_install.py" line="39"/>
        <source>Installed policy pack %1, version %2, signed by %3.</source>
        <translation>Đã cài đặt gói bộ tiêu chí %1, phiên bản %2, do khóa %3 ký.</translation>
    </message>
</context>
<context>
    <name>PassphraseBox</name>
    <message>
        <location filename="../../desktop/gui/passphrase_box.py" line="85"/>
        <source>Type the passphrase of the key file.</source>
        <translation>Anh/chị hãy nhập cụm mật khẩu của tệp khóa.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/gui/passphrase_box.py" line="87"/>
        <source>The passphrase needs at least %n characters.</source>
        <translation>
            <numerusform>Cụm mật khẩu cần ít nhất %n ký tự.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/gui/passphrase_box.py" line="89"/>
        <source>The two passphrases differ: type the same passphrase twice.</source>
        <translation>Hai cụm mật khẩu khác nhau: anh/chị hãy nhập cùng một cụm mật khẩu hai lần.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/passphrase_box.py" line="125"/>
        <source>Strength %1/4 · %2 characters (at least %3) · guessed in %4</source>
        <translation>Độ mạnh %1/4 · %2 ký tự (ít nhất %3) · có thể bị dò ra trong %4</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/passphrase_box.py" line="134"/>
        <source>⚠ Weak: anyone who copies the key file could guess it. Use a few uncommon words.</source>
        <translation>⚠ Yếu: ai sao chép được tệp khóa có thể đoán ra cụm mật khẩu này. Anh/chị nên dùng vài từ ít gặp.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/passphrase_box.py" line="147"/>
        <source>The two passphrases match.</source>
        <translation>Hai cụm mật khẩu khớp nhau.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/passphrase_box.py" line="149"/>
        <source>The two passphrases differ.</source>
        <translation>Hai cụm mật khẩu khác nhau.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/passphrase_box.py" line="156"/>
        <source>Choose the key file&apos;s passphrase, one you will remember, and type it twice: it is needed each time you sign, and it cannot be recovered.</source>
        <translation>Anh/chị hãy chọn cụm mật khẩu cho tệp khóa, dễ nhớ với mình, và nhập hai lần: mỗi lần ký đều cần đến, và không thể khôi phục nếu quên.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/passphrase_box.py" line="162"/>
        <source>Type the passphrase you chose when your signing key was made.</source>
        <translation>Anh/chị hãy nhập cụm mật khẩu đã chọn khi tạo khóa ký.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/passphrase_box.py" line="164"/>
        <source>&amp;Passphrase:</source>
        <translation>Cụm &amp;mật khẩu:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/passphrase_box.py" line="165"/>
        <source>Type it &amp;again:</source>
        <translation>&amp;Nhập lại:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/gui/passphrase_box.py" line="167"/>
        <source>at least %n characters</source>
        <translation>
            <numerusform>ít nhất %n ký tự</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/gui/passphrase_box.py" line="169"/>
        <source>Passphrase of the key file</source>
        <translation>Cụm mật khẩu của tệp khóa</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/passphrase_box.py" line="170"/>
        <source>The passphrase again</source>
        <translation>Nhập lại cụm mật khẩu</translation>
    </message>
</context>
<context>
    <name>ProgrammePage</name>
    <message>
        <location filename="../../desktop/gui/pages/programme_page.py" line="67"/>
        <source>Programme and privacy</source>
        <translation>Chương trình và quyền riêng tư</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/programme_page.py" line="73"/>
        <source>Nothing leaves this computer unless you export it yourself. Passwords you type are measured here, in memory, and never stored, not even in drafts.</source>
        <translation>Không thông tin nào rời khỏi máy tính này nếu anh/chị không tự xuất ra. Mật khẩu anh/chị nhập chỉ được đo trong bộ nhớ và không bao giờ được lưu, kể cả trong bản nháp.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/programme_page.py" line="77"/>
        <source>&amp;Language:</source>
        <translation>&amp;Ngôn ngữ:</translation>
    </message>
</context>
<context>
    <name>ReaffirmBox</name>
    <message>
        <location filename="../../desktop/gui/carried.py" line="148"/>
        <source>Your pledges, as in your last declaration (%1)</source>
        <translation>Các cam kết của anh/chị, như bản khai lần trước (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/carried.py" line="155"/>
        <source>The pledges&apos; wording then cannot be compared with today&apos;s: read them again below before you re-affirm them.</source>
        <translation>Không thể so sánh nội dung các cam kết khi đó với hiện nay: anh/chị đọc lại các cam kết dưới đây trước khi xác nhận lại.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/carried.py" line="161"/>
        <source>Nothing in them changed since then.</source>
        <translation>Các cam kết không thay đổi kể từ lần trước.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/carried.py" line="163"/>
        <source>What changed since then:</source>
        <translation>Những thay đổi kể từ lần trước:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/carried.py" line="165"/>
        <source>New:</source>
        <translation>Mới:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/carried.py" line="166"/>
        <source>Worded differently:</source>
        <translation>Sửa nội dung:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/carried.py" line="167"/>
        <source>No longer asked:</source>
        <translation>Không còn áp dụng:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/carried.py" line="174"/>
        <source>&amp;Re-affirm all my pledges as in my last declaration</source>
        <translation>&amp;Xác nhận lại toàn bộ cam kết như bản khai lần trước</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/carried.py" line="177"/>
        <source>Re-affirmed. New pledges still to answer below: %1.</source>
        <translation>Đã xác nhận lại. Số cam kết mới còn cần trả lời ở dưới: %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/carried.py" line="181"/>
        <source>Re-affirmed: every pledge is answered as last time.</source>
        <translation>Đã xác nhận lại: mọi cam kết được trả lời như lần trước.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../desktop/gui/pages/review_page.py" line="73"/>
        <source>Changes since declaration %1 (%2)</source>
        <translation>Thay đổi kể từ bản khai số %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/review_page.py" line="79"/>
        <source>none</source>
        <translation>không có</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/review_page.py" line="82"/>
        <source>fixed</source>
        <translation>đã khắc phục</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/review_page.py" line="83"/>
        <source>newly failing</source>
        <translation>mới không đạt</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/review_page.py" line="84"/>
        <source>changed</source>
        <translation>thay đổi</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/review_page.py" line="85"/>
        <source>new account</source>
        <translation>tài khoản mới</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/review_page.py" line="86"/>
        <source>removed account</source>
        <translation>tài khoản đã bỏ</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/review_page.py" line="104"/>
        <source>Review</source>
        <translation>Xem lại</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/review_page.py" line="105"/>
        <source>Status</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/review_page.py" line="105"/>
        <source>Item</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/review_page.py" line="105"/>
        <source>Why</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/review_page.py" line="106"/>
        <source>Findings</source>
        <translation>Kết quả từng mục</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/review_page.py" line="111"/>
        <source>Some pages are not complete yet.</source>
        <translation>Một số trang chưa hoàn thành.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/review_page.py" line="116"/>
        <source>pass</source>
        <translation>đạt</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/review_page.py" line="117"/>
        <source>fail</source>
        <translation>không đạt</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/review_page.py" line="118"/>
        <source>partial</source>
        <translation>đạt một phần</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/review_page.py" line="119"/>
        <source>n/a</source>
        <translation>không áp dụng</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/review_page.py" line="120"/>
        <source>not verified</source>
        <translation>chưa kiểm tra</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/review_page.py" line="141"/>
        <source>How to fix:</source>
        <translation>Cách khắc phục:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/review_page.py" line="157"/>
        <source>Verdict: compliant</source>
        <translation>Kết luận: đạt</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/gui/pages/review_page.py" line="162"/>
        <source>Verdict: action required (%n item(s))</source>
        <translation>
            <numerusform>Kết luận: cần khắc phục (%n nội dung)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/review_page.py" line="167"/>
        <source>The steps to fix each finding are shown beneath it. Double-click a finding to go to the question where it is answered.</source>
        <translation>Các bước khắc phục của từng nội dung được ghi ngay bên dưới nội dung đó. Nhấp đúp vào một nội dung để chuyển đến câu hỏi nơi anh/chị trả lời nội dung đó.</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <location filename="../../desktop/gui/review_window.py" line="159"/>
        <source>The unit&apos;s roster</source>
        <translation>Danh sách cán bộ của đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_window.py" line="167"/>
        <source>The folder of bundles</source>
        <translation>Thư mục chứa các gói bản khai</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_window.py" line="176"/>
        <source>Choose the roster file and the folder of bundles.</source>
        <translation>Hãy chọn tệp danh sách cán bộ và thư mục chứa các gói bản khai.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_window.py" line="184"/>
        <source>Checking…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_window.py" line="233"/>
        <location filename="../../desktop/gui/review_window.py" line="365"/>
        <location filename="../../desktop/gui/review_window.py" line="367"/>
        <source>All units</source>
        <translation>Tất cả đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_table.py" line="66"/>
        <source>(overdue)</source>
        <translation>(quá hạn)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/gui/review_window.py" line="201"/>
        <source>Checking… %n file(s)</source>
        <translation>
            <numerusform>Đang kiểm tra… %n tệp</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_window.py" line="221"/>
        <source>Files checked: %1 · people: %2 · compliant without problems: %3 · to follow up: %4 · files unusable: %5.</source>
        <translation>Số tệp đã kiểm tra: %1 · số người: %2 · đạt, không có vấn đề: %3 · cần theo dõi: %4 · tệp không dùng được: %5.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_window.py" line="272"/>
        <source>Save the table</source>
        <translation>Lưu bảng</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_window.py" line="288"/>
        <source>Save the unit report</source>
        <translation>Lưu báo cáo của đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_window.py" line="319"/>
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_window.py" line="335"/>
        <source>Accepted: the latest declaration of %1 people.</source>
        <translation>Đã chấp nhận bản khai mới nhất của %1 người.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_window.py" line="347"/>
        <source>SelfCheck: review a unit&apos;s declarations</source>
        <translation>SelfCheck: rà soát bản khai của đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_window.py" line="348"/>
        <source>Declarations in the folder</source>
        <translation>Các bản khai trong thư mục</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_window.py" line="349"/>
        <source>&amp;Roster:</source>
        <translation>&amp;Danh sách cán bộ:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_window.py" line="350"/>
        <source>&amp;Folder of bundles:</source>
        <translation>&amp;Thư mục gói bản khai:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_window.py" line="351"/>
        <location filename="../../desktop/gui/review_window.py" line="352"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_window.py" line="353"/>
        <source>&amp;Check the folder</source>
        <translation>&amp;Kiểm tra thư mục</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_window.py" line="354"/>
        <source>Show:</source>
        <translation>Hiển thị:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_window.py" line="355"/>
        <source>Only those to follow up</source>
        <translation>Chỉ những người cần theo dõi</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_window.py" line="359"/>
        <source>Any verdict</source>
        <translation>Mọi kết luận</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_table.py" line="99"/>
        <source>Staff id</source>
        <translation>Mã cán bộ</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_table.py" line="100"/>
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_table.py" line="106"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_table.py" line="101"/>
        <source>Latest</source>
        <translation>Bản khai mới nhất</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_table.py" line="102"/>
        <source>Verdict</source>
        <translation>Kết luận</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_table.py" line="103"/>
        <source>Open (c/h/m/l)</source>
        <translation>Mục mở (NT/C/TB/T)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_table.py" line="104"/>
        <source>Next due</source>
        <translation>Hạn tiếp theo</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_table.py" line="105"/>
        <source>Problems</source>
        <translation>Vấn đề</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_window.py" line="370"/>
        <source>Export &amp;CSV…</source>
        <translation>Xuất &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_window.py" line="371"/>
        <source>Export &amp;PDF report…</source>
        <translation>Xuất &amp;báo cáo PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_window.py" line="372"/>
        <source>&amp;Accept the sound declarations</source>
        <translation>&amp;Chấp nhận các bản khai hợp lệ</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_window.py" line="373"/>
        <source>Countersi&amp;gn…</source>
        <translation>Ký &amp;xác nhận…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_window.py" line="374"/>
        <source>&amp;New…</source>
        <translation>Tạo &amp;mới…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_window.py" line="375"/>
        <source>Edi&amp;t…</source>
        <translation>&amp;Sửa…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_window.py" line="376"/>
        <source>Enrol a &amp;key…</source>
        <translation>Đăn&amp;g ký khóa…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_window.py" line="377"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>ReviewerActions</name>
    <message>
        <location filename="../../desktop/gui/review_actions.py" line="71"/>
        <source>Roster saved: %1</source>
        <translation>Đã lưu danh sách cán bộ: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_actions.py" line="80"/>
        <source>Choose or create the roster first.</source>
        <translation>Anh/chị hãy chọn hoặc tạo danh sách cán bộ trước.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/review_actions.py" line="118"/>
        <source>Countersigned: %1</source>
        <translation>Đã ký xác nhận: %1</translation>
    </message>
</context>
<context>
    <name>RosterDialog</name>
    <message>
        <location filename="../../desktop/gui/roster_dialog.py" line="175"/>
        <source>The policy in use on this computer is not a signed pack: nothing added.</source>
        <translation>Bộ tiêu chí đang dùng trên máy này không phải là gói đã ký: chưa thêm gì.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/roster_dialog.py" line="195"/>
        <source>%1: the minimum version must be a whole number.</source>
        <translation>%1: phiên bản tối thiểu phải là một số nguyên.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/roster_dialog.py" line="205"/>
        <source>Save the roster as</source>
        <translation>Lưu danh sách cán bộ thành</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/roster_dialog.py" line="224"/>
        <source>Choose where to save the roster (a .toml file).</source>
        <translation>Anh/chị hãy chọn nơi lưu danh sách cán bộ (một tệp .toml).</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/roster_dialog.py" line="228"/>
        <source>A file is already there: choose another name, or edit that roster.</source>
        <translation>Đã có một tệp ở đó: anh/chị hãy chọn tên khác, hoặc sửa danh sách cán bộ đó.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/roster_dialog.py" line="236"/>
        <source>%1: the programme must be one of: %2.</source>
        <translation>%1: chương trình phải là một trong: %2.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/roster_dialog.py" line="258"/>
        <source>SelfCheck: the unit&apos;s roster</source>
        <translation>SelfCheck: danh sách cán bộ của đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/roster_dialog.py" line="259"/>
        <source>Roster &amp;file:</source>
        <translation>&amp;Tệp danh sách:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/roster_dialog.py" line="260"/>
        <source>&amp;Title:</source>
        <translation>Tê&amp;n đơn vị:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/roster_dialog.py" line="261"/>
        <source>&amp;Staff (one row a person; the staff id is required):</source>
        <translation>&amp;Cán bộ (mỗi người một dòng; bắt buộc có mã cán bộ):</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/roster_dialog.py" line="262"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/roster_dialog.py" line="263"/>
        <source>&amp;Add a person</source>
        <translation>&amp;Thêm người</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/roster_dialog.py" line="264"/>
        <source>&amp;Remove the selected</source>
        <translation>&amp;Xóa dòng đã chọn</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/roster_dialog.py" line="266"/>
        <source>Staff id</source>
        <translation>Mã cán bộ</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/roster_dialog.py" line="266"/>
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/roster_dialog.py" line="266"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/roster_dialog.py" line="266"/>
        <source>Programme</source>
        <translation>Chương trình</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/roster_dialog.py" line="270"/>
        <source>Acce&amp;pted policy packs (none listed: the packs this computer trusts for each person&apos;s profile are accepted):</source>
        <translation>Các &amp;gói bộ tiêu chí được chấp nhận (để trống: chấp nhận các gói mà máy này tin cậy cho hồ sơ của từng người):</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/roster_dialog.py" line="275"/>
        <source>Pack id</source>
        <translation>Mã gói</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/roster_dialog.py" line="275"/>
        <source>Signer key (SHA256:…)</source>
        <translation>Khóa người ký (SHA256:…)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/roster_dialog.py" line="275"/>
        <source>Minimum version</source>
        <translation>Phiên bản tối thiểu</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/roster_dialog.py" line="277"/>
        <source>Add the policy in &amp;use here</source>
        <translation>Thêm bộ tiêu chí đang &amp;dùng tại máy này</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/roster_dialog.py" line="278"/>
        <source>Add a pac&amp;k</source>
        <translation>Thêm một gó&amp;i</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/roster_dialog.py" line="279"/>
        <source>Remo&amp;ve the selected pack</source>
        <translation>&amp;Bỏ gói đã chọn</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/roster_dialog.py" line="283"/>
        <source>Optional: %1</source>
        <translation>Không bắt buộc: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/roster_dialog.py" line="285"/>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/roster_dialog.py" line="286"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>SignPage</name>
    <message>
        <location filename="../../desktop/gui/pages/sign_page.py" line="131"/>
        <location filename="../../desktop/gui/pages/sign_page.py" line="322"/>
        <source>Save the bundle in</source>
        <translation>Lưu bộ hồ sơ vào</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/sign_page.py" line="142"/>
        <source>Choose the folder to save the bundle in.</source>
        <translation>Hãy chọn thư mục để lưu bộ hồ sơ.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/sign_page.py" line="145"/>
        <source>Some pages are not complete yet; nothing was signed.</source>
        <translation>Một số trang chưa hoàn thành; chưa ký gì.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/sign_page.py" line="159"/>
        <source>The local history is not intact; nothing was signed:</source>
        <translation>Lịch sử trên máy không còn nguyên vẹn; chưa ký gì:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/sign_page.py" line="153"/>
        <location filename="../../desktop/gui/pages/sign_page.py" line="165"/>
        <location filename="../../desktop/gui/pages/sign_page.py" line="169"/>
        <location filename="../../desktop/gui/pages/sign_page.py" line="199"/>
        <location filename="../../desktop/gui/pages/sign_page.py" line="206"/>
        <source>Not signed.</source>
        <translation>Chưa ký.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/sign_page.py" line="176"/>
        <source>Opening the signing key… The keychain may ask you to unlock it.</source>
        <translation>Đang mở khóa ký… Kho khóa của hệ thống có thể yêu cầu anh/chị mở khóa.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/sign_page.py" line="209"/>
        <source>The keychain refused to keep the signing key: it will be kept in a key file instead. Choose its passphrase above, then sign again.</source>
        <translation>Kho khóa của hệ điều hành không nhận giữ khóa ký, nên khóa ký sẽ được giữ trong một tệp khóa. Anh/chị hãy chọn cụm mật khẩu ở trên rồi ký lại.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/sign_page.py" line="282"/>
        <source>Signed and kept in the history, but the bundle could not be saved in %1. Export it from the History window of the start screen.</source>
        <translation>Bản kê khai đã được ký và lưu trong lịch sử, nhưng không lưu được gói bản khai vào %1. Anh/chị hãy xuất lại gói bản khai từ cửa sổ Lịch sử ở màn hình bắt đầu.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/sign_page.py" line="290"/>
        <source>Signed and saved: %1</source>
        <translation>Đã ký và lưu: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/sign_page.py" line="299"/>
        <location filename="../../desktop/gui/pages/sign_page.py" line="306"/>
        <source>the keychain (%1)</source>
        <translation>kho khóa của hệ điều hành (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/sign_page.py" line="301"/>
        <source>an encrypted key file protected by a passphrase</source>
        <translation>một tệp khóa được mã hóa, bảo vệ bằng cụm mật khẩu</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/sign_page.py" line="303"/>
        <source>A signing key will be made and kept in %1.</source>
        <translation>Một khóa ký sẽ được tạo và lưu trong %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/sign_page.py" line="308"/>
        <source>an encrypted key file</source>
        <translation>một tệp khóa được mã hóa</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/sign_page.py" line="311"/>
        <source>Signing key %1, kept in %2.</source>
        <translation>Khóa ký %1, lưu trong %2.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/sign_page.py" line="326"/>
        <source>&amp;Language of the PDF:</source>
        <translation>&amp;Ngôn ngữ của tệp PDF:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/sign_page.py" line="320"/>
        <source>Sign</source>
        <translation>Ký</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/sign_page.py" line="321"/>
        <source>Save the bundle in:</source>
        <translation>Lưu bộ hồ sơ vào:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/sign_page.py" line="323"/>
        <source>Bro&amp;wse…</source>
        <translation>&amp;Chọn thư mục…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/sign_page.py" line="324"/>
        <source>As one .zip file (for e-mail or USB)</source>
        <translation>Thành một tệp .zip (để gửi thư điện tử hoặc chép USB)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/sign_page.py" line="325"/>
        <source>&amp;Sign and save</source>
        <translation>&amp;Ký và lưu</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <location filename="../../desktop/gui/start_screen.py" line="122"/>
        <source>Opening the checklists and the history…</source>
        <translation>Đang mở các danh mục kiểm tra và lịch sử…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/start_screen.py" line="128"/>
        <source>The local history could not be opened (see the message shown at start): nothing in it is shown.</source>
        <translation>Không mở được lịch sử trên máy (xem thông báo lúc khởi động): không hiển thị nội dung nào.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/gui/start_screen.py" line="170"/>
        <source>History intact: %n declaration(s).</source>
        <translation>
            <numerusform>Lịch sử nguyên vẹn: %n bản kê khai.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/gui/start_screen.py" line="173"/>
        <source>History NOT intact:</source>
        <translation>Lịch sử KHÔNG nguyên vẹn:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/start_screen.py" line="205"/>
        <source>Nothing has been declared on this computer yet: %1 is due now.</source>
        <translation>Máy này chưa có bản khai nào: cần thực hiện %1 ngay.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/gui/start_screen.py" line="207"/>
        <source>%1 was due on %2: %n day(s) overdue.</source>
        <translation>
            <numerusform>%1 đến hạn ngày %2: đã quá hạn %n ngày.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/gui/start_screen.py" line="209"/>
        <source>%1 is due today (%2).</source>
        <translation>%1 đến hạn hôm nay (%2).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/gui/start_screen.py" line="211"/>
        <source>Next: %1, due on %2 (in %n day(s)).</source>
        <translation>
            <numerusform>Tiếp theo: %1, hạn ngày %2 (còn %n ngày).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/gui/start_screen.py" line="214"/>
        <source>It checks that your last declaration&apos;s findings were fixed.</source>
        <translation>Lần này kiểm tra việc khắc phục các nội dung của bản khai trước.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/start_screen.py" line="232"/>
        <source>Save a calendar reminder</source>
        <translation>Lưu lời nhắc vào lịch</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/start_screen.py" line="234"/>
        <source>Calendar files (*.ics)</source>
        <translation>Tệp lịch (*.ics)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/start_screen.py" line="246"/>
        <source>SelfCheck: %1 due</source>
        <translation>SelfCheck: đến hạn %1</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/start_screen.py" line="248"/>
        <source>Open SelfCheck, start a new assessment and choose “%1”. Nothing leaves your computer unless you hand the signed bundle in.</source>
        <translation>Mở SelfCheck, bắt đầu lần tự đánh giá mới và chọn “%1”. Không có dữ liệu nào rời khỏi máy trừ khi anh/chị tự nộp gói bản khai đã ký.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/start_screen.py" line="257"/>
        <source>Reminder saved: %1</source>
        <translation>Đã lưu lời nhắc: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/start_screen.py" line="292"/>
        <source>Delete the draft</source>
        <translation>Xóa bản nháp</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/start_screen.py" line="293"/>
        <source>Delete the draft “%1”? What it holds cannot be recovered.</source>
        <translation>Xóa bản nháp “%1”? Nội dung đã nhập sẽ không khôi phục được.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/start_screen.py" line="312"/>
        <source>SelfCheck %1</source>
        <translation>SelfCheck %1</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/start_screen.py" line="316"/>
        <source>Check the security and conduct settings of your social-network accounts against the codes of conduct, and sign a summary. Nothing leaves this computer unless you export it; passwords are never stored.</source>
        <translation>Tự kiểm tra cài đặt bảo mật và ứng xử của các tài khoản mạng xã hội theo quy tắc ứng xử, rồi ký bản khai. Không thông tin nào rời khỏi máy nếu anh/chị không tự xuất ra; mật khẩu không bao giờ được lưu.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/start_screen.py" line="321"/>
        <source>&amp;Start a new assessment</source>
        <translation>&amp;Bắt đầu lần tự đánh giá mới</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/start_screen.py" line="322"/>
        <location filename="../../desktop/gui/start_screen.py" line="323"/>
        <source>Drafts</source>
        <translation>Bản nháp</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/start_screen.py" line="325"/>
        <source>&amp;Resume</source>
        <translation>&amp;Tiếp tục</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/start_screen.py" line="324"/>
        <location filename="../../desktop/gui/start_screen.py" line="327"/>
        <source>Signed declarations</source>
        <translation>Các bản kê khai đã ký</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/start_screen.py" line="326"/>
        <source>&amp;Delete draft…</source>
        <translation>&amp;Xóa bản nháp…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/start_screen.py" line="328"/>
        <source>Save a calendar &amp;reminder…</source>
        <translation>Lưu lời &amp;nhắc vào lịch…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/start_screen.py" line="329"/>
        <source>&amp;History…</source>
        <translation>&amp;Lịch sử…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/start_screen.py" line="331"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/start_screen.py" line="331"/>
        <source>Programme</source>
        <translation>Chương trình</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/start_screen.py" line="331"/>
        <source>Verdict</source>
        <translation>Kết luận</translation>
    </message>
</context>
<context>
    <name>TokenBox</name>
    <message>
        <location filename="../../desktop/gui/token_box.py" line="110"/>
        <source>The token&apos;s PKCS#11 module</source>
        <translation>Thư viện PKCS#11 của USB token</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/token_box.py" line="110"/>
        <source>Modules (*.so *.dll *.dylib)</source>
        <translation>Thư viện (*.so *.dll *.dylib)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/token_box.py" line="133"/>
        <source>Choose the token&apos;s PKCS#11 module first.</source>
        <translation>Anh/chị chọn thư viện PKCS#11 của USB token trước.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/token_box.py" line="138"/>
        <source>Reading the token…</source>
        <translation>Đang đọc USB token…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/token_box.py" line="152"/>
        <source>No USB token was found; plug it in and read again.</source>
        <translation>Không thấy USB token; anh/chị cắm token vào máy rồi đọc lại.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/token_box.py" line="155"/>
        <source>Several tokens are plugged in: choose one, then read again.</source>
        <translation>Có nhiều USB token đang cắm: anh/chị chọn một token rồi đọc lại.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/gui/token_box.py" line="163"/>
        <source>%n certificate(s) on the token.</source>
        <translation>
            <numerusform>USB token có %n chứng thư số.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/gui/token_box.py" line="165"/>
        <source>The token holds no certificate with a signing key.</source>
        <translation>USB token không có chứng thư số nào kèm khóa ký.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/token_box.py" line="174"/>
        <source>%1 — valid %2 to %3 (%4)</source>
        <translation>%1 — hiệu lực từ %2 đến %3 (%4)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/token_box.py" line="194"/>
        <source>Read the token and choose the certificate to sign the PDF with.</source>
        <translation>Anh/chị đọc USB token và chọn chứng thư số để ký tệp PDF.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/token_box.py" line="196"/>
        <source>Type the token&apos;s PIN.</source>
        <translation>Anh/chị nhập mã PIN của USB token.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/token_box.py" line="219"/>
        <source>Also sign the PDF with a USB token (chữ ký số công vụ)</source>
        <translation>Ký thêm tệp PDF bằng USB token (chữ ký số công vụ)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/token_box.py" line="220"/>
        <source>Token module:</source>
        <translation>Thư viện token:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/token_box.py" line="221"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/token_box.py" line="222"/>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/token_box.py" line="223"/>
        <source>Token PIN:</source>
        <translation>Mã PIN token:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/token_box.py" line="224"/>
        <source>PIN of the USB token</source>
        <translation>mã PIN của USB token</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/token_box.py" line="225"/>
        <source>&amp;Read the certificates</source>
        <translation>Đọc &amp;chứng thư số</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/token_box.py" line="226"/>
        <source>Certificate:</source>
        <translation>Chứng thư số:</translation>
    </message>
</context>
<context>
    <name>WizardView</name>
    <message>
        <location filename="../../desktop/gui/wizard.py" line="237"/>
        <source>current step</source>
        <translation>bước đang làm</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/wizard.py" line="238"/>
        <source>done</source>
        <translation>đã xong</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/wizard.py" line="238"/>
        <source>not done</source>
        <translation>chưa xong</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/wizard.py" line="241"/>
        <source>not yet open: complete the steps before it</source>
        <translation>chưa mở được: anh/chị cần hoàn thành các bước trước</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/wizard.py" line="253"/>
        <source>Items answered: %1 of %2 (left: %3)</source>
        <translation>Đã trả lời: %1/%2 nội dung (còn lại: %3)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/wizard.py" line="276"/>
        <source>Programme</source>
        <translation>Chương trình</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/wizard.py" line="277"/>
        <source>About you</source>
        <translation>Thông tin cá nhân</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/wizard.py" line="278"/>
        <source>Your accounts</source>
        <translation>Các tài khoản</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/wizard.py" line="279"/>
        <source>Pledges</source>
        <translation>Cam kết</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/wizard.py" line="280"/>
        <source>Programme items</source>
        <translation>Nội dung chương trình</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/wizard.py" line="281"/>
        <source>Review</source>
        <translation>Xem lại</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/wizard.py" line="282"/>
        <source>Sign</source>
        <translation>Ký</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/wizard.py" line="323"/>
        <source>Warning: these checklists are not a signed policy pack. Your summary will record that, and a reviewer will not accept it as compliant.</source>
        <translation>Lưu ý: bộ tiêu chí đang dùng không phải là gói bộ tiêu chí có chữ ký của cơ quan. Bản khai của anh/chị sẽ ghi lại điều này và người rà soát sẽ không công nhận là đạt.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/wizard.py" line="334"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Quay lại</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/wizard.py" line="335"/>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Kế tiếp &gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/wizard.py" line="336"/>
        <source>Save and &amp;close</source>
        <translation>Lưu và đón&amp;g</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/wizard.py" line="337"/>
        <source>Steps</source>
        <translation>Các bước</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../desktop/gui/labels.py" line="13"/>
        <source>compliant</source>
        <translation>đạt</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/labels.py" line="14"/>
        <source>action required</source>
        <translation>cần khắc phục</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/labels.py" line="16"/>
        <source>not accepted (policy)</source>
        <translation>không công nhận (bộ tiêu chí)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/labels.py" line="23"/>
        <source>Official</source>
        <translation>Cán bộ, công chức</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/labels.py" line="24"/>
        <source>Public employee</source>
        <translation>Viên chức</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/labels.py" line="25"/>
        <source>Reserve official or probationer</source>
        <translation>Công chức dự bị, viên chức tập sự</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/labels.py" line="28"/>
        <source>Contract staff</source>
        <translation>Nhân viên hợp đồng</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/labels.py" line="29"/>
        <source>Seconded staff</source>
        <translation>Cán bộ biệt phái</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/labels.py" line="30"/>
        <source>Member of an overseas mission</source>
        <translation>Thành viên cơ quan đại diện ở nước ngoài</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/labels.py" line="33"/>
        <source>Accompanying spouse receiving an allowance</source>
        <translation>Phu nhân, phu quân hưởng sinh hoạt phí</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/labels.py" line="36"/>
        <source>Studying abroad</source>
        <translation>Đang học tập, nghiên cứu ở nước ngoài</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/accounts_page.py" line="42"/>
        <source>Official page I administer</source>
        <translation>Trang chính thức tôi quản trị</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/pages/accounts_page.py" line="43"/>
        <source>Personal account</source>
        <translation>Tài khoản cá nhân</translation>
    </message>
</context>
<context>
    <name>zxcvbn</name>
    <message>
        <location filename="../../desktop/gui/password_feedback.py" line="7"/>
        <source>A word by itself is easy to guess.</source>
        <translation>Một từ đứng riêng rất dễ đoán.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_feedback.py" line="8"/>
        <source>Add another word or two. Uncommon words are better.</source>
        <translation>Thêm một hai từ nữa; từ ít gặp thì tốt hơn.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_feedback.py" line="9"/>
        <source>All-uppercase is almost as easy to guess as all-lowercase.</source>
        <translation>Viết hoa toàn bộ cũng dễ đoán gần như viết thường.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_feedback.py" line="10"/>
        <source>Avoid dates and years that are associated with you.</source>
        <translation>Tránh ngày tháng và năm gắn với bản thân anh/chị.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_feedback.py" line="11"/>
        <source>Avoid recent years.</source>
        <translation>Tránh các năm gần đây.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_feedback.py" line="12"/>
        <source>Avoid repeated words and characters.</source>
        <translation>Tránh lặp lại từ và ký tự.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_feedback.py" line="13"/>
        <source>Avoid sequences.</source>
        <translation>Tránh các dãy liên tiếp.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_feedback.py" line="14"/>
        <source>Avoid years that are associated with you.</source>
        <translation>Tránh các năm gắn với bản thân anh/chị.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_feedback.py" line="15"/>
        <source>Capitalization doesn&apos;t help very much.</source>
        <translation>Viết hoa không giúp được nhiều.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_feedback.py" line="16"/>
        <source>Common names and surnames are easy to guess.</source>
        <translation>Tên và họ phổ biến rất dễ đoán.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_feedback.py" line="17"/>
        <source>Dates are often easy to guess.</source>
        <translation>Ngày tháng thường dễ đoán.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_feedback.py" line="18"/>
        <source>Names and surnames by themselves are easy to guess.</source>
        <translation>Tên và họ đứng riêng rất dễ đoán.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_feedback.py" line="19"/>
        <source>No need for symbols, digits, or uppercase letters.</source>
        <translation>Không cần ký hiệu, chữ số hay chữ hoa.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_feedback.py" line="20"/>
        <source>Predictable substitutions like &apos;@&apos; instead of &apos;a&apos; don&apos;t help very much.</source>
        <translation>Thay thế dễ đoán như &apos;@&apos; thay cho &apos;a&apos; không giúp được nhiều.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_feedback.py" line="23"/>
        <source>Recent years are easy to guess.</source>
        <translation>Các năm gần đây rất dễ đoán.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_feedback.py" line="24"/>
        <source>Repeats like &quot;aaa&quot; are easy to guess.</source>
        <translation>Lặp lại kiểu &quot;aaa&quot; rất dễ đoán.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_feedback.py" line="25"/>
        <source>Repeats like &quot;abcabcabc&quot; are only slightly harder to guess than &quot;abc&quot;.</source>
        <translation>Lặp lại kiểu &quot;abcabcabc&quot; chỉ khó đoán hơn &quot;abc&quot; một chút.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_feedback.py" line="28"/>
        <source>Reversed words aren&apos;t much harder to guess.</source>
        <translation>Từ viết ngược không khó đoán hơn bao nhiêu.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_feedback.py" line="29"/>
        <source>Sequences like &quot;abc&quot; or &quot;6543&quot; are easy to guess.</source>
        <translation>Dãy như &quot;abc&quot; hay &quot;6543&quot; rất dễ đoán.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_feedback.py" line="30"/>
        <source>Short keyboard patterns are easy to guess.</source>
        <translation>Mẫu phím ngắn trên bàn phím rất dễ đoán.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_feedback.py" line="31"/>
        <source>Straight rows of keys are easy to guess.</source>
        <translation>Các hàng phím liền nhau rất dễ đoán.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_feedback.py" line="32"/>
        <source>This is a top-10 common password.</source>
        <translation>Đây là một trong 10 mật khẩu phổ biến nhất.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_feedback.py" line="33"/>
        <source>This is a top-100 common password.</source>
        <translation>Đây là một trong 100 mật khẩu phổ biến nhất.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_feedback.py" line="34"/>
        <source>This is a very common password.</source>
        <translation>Đây là mật khẩu rất phổ biến.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_feedback.py" line="35"/>
        <source>This is similar to a commonly used password.</source>
        <translation>Mật khẩu này giống một mật khẩu phổ biến.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_feedback.py" line="36"/>
        <source>Use a few words, avoid common phrases.</source>
        <translation>Dùng vài từ, tránh các cụm từ quen thuộc.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/password_feedback.py" line="37"/>
        <source>Use a longer keyboard pattern with more turns.</source>
        <translation>Dùng mẫu phím dài hơn, đổi hướng nhiều hơn.</translation>
    </message>
</context>
</TS>
