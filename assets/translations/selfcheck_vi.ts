<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../desktop/gui/main_window.py" line="87" />
      <source>SelfCheck: social-network account self-assessment</source>
      <translation>SelfCheck: tự kiểm tra tài khoản mạng xã hội</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/main_window.py" line="90" />
      <source>Everything stays on this computer. Passwords are measured here and never stored. Choose a programme to see what it checks.</source>
      <translation>Mọi thông tin chỉ nằm trên máy tính này. Mật khẩu được đo ngay tại đây và không bao giờ được lưu. Chọn một chương trình để xem nội dung cần kiểm tra.</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/main_window.py" line="94" />
      <source>&amp;Language:</source>
      <translation>&amp;Ngôn ngữ:</translation>
    </message>
    <message numerus="yes">
      <location filename="../../desktop/gui/main_window.py" line="111" />
      <source>Items loaded from the checklists: %n</source>
      <translation>
        <numerusform>Số mục đã nạp từ danh mục: %n</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../desktop/gui/main_window.py" line="125" />
      <source>For each account</source>
      <translation>Với từng tài khoản</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/main_window.py" line="126" />
      <source>Pledges</source>
      <translation>Cam kết</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/main_window.py" line="127" />
      <source>Programme items</source>
      <translation>Nội dung theo chương trình</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/main_window.py" line="165" />
      <source>Question</source>
      <translation>Câu hỏi</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/main_window.py" line="166" />
      <source>Why and how</source>
      <translation>Ý nghĩa và cách làm</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/main_window.py" line="167" />
      <source>Legal basis</source>
      <translation>Căn cứ</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/main_window.py" line="168" />
      <source>How to fix</source>
      <translation>Cách khắc phục</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/main_window.py" line="169" />
      <source>Applies to</source>
      <translation>Áp dụng cho</translation>
    </message>
  </context>
  <context>
    <name>labels</name>
    <message>
      <location filename="../../desktop/gui/labels.py" line="10" />
      <source>Official</source>
      <translation>Cán bộ, công chức</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/labels.py" line="11" />
      <source>Public employee</source>
      <translation>Viên chức</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/labels.py" line="12" />
      <source>Reserve official or probationer</source>
      <translation>Công chức dự bị, viên chức tập sự</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/labels.py" line="15" />
      <source>Contract staff</source>
      <translation>Nhân viên hợp đồng</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/labels.py" line="16" />
      <source>Seconded staff</source>
      <translation>Cán bộ biệt phái</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/labels.py" line="17" />
      <source>Member of an overseas mission</source>
      <translation>Thành viên cơ quan đại diện ở nước ngoài</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/labels.py" line="18" />
      <source>Accompanying spouse receiving an allowance</source>
      <translation>Phu nhân, phu quân hưởng sinh hoạt phí</translation>
    </message>
    <message>
      <location filename="../../desktop/gui/labels.py" line="21" />
      <source>Studying abroad</source>
      <translation>Đang học tập, nghiên cứu ở nước ngoài</translation>
    </message>
  </context>
</TS>