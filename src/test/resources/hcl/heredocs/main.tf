locals {
  script              = <<EOT
#!/bin/sh
echo "${var.name}" > /tmp/name
echo '$HOME costs 5%'
EOT
  short               = "one"
  collides            = "first line\nEOT\nlast line\n"
  collides_indented   = "first line\n  EOT  \n"
  no_trailing_newline = "first line\nsecond line"
  windows_line_ends   = "first\r\nsecond\r\n"
  in_a_list           = ["one\ntwo\n"]
  literal_markers     = <<EOT
${var.x}
price: $${not_a_reference}
EOT
}
