"""The wizard's pages, one per file; each binds widgets to the draft of the flow."""
