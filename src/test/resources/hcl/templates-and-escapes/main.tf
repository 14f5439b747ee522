locals {
  reference             = aws_vpc.this.id
  spaced_reference      = var.name
  conditional           = var.enabled ? 1 : 0
  mixed                 = "arn:${data.aws_partition.current.partition}:s3:::${var.bucket}/*"
  escaped_interpolation = "literal $${not_a_reference} and %%{not_a_directive}"
  lone_markers          = "cost: $5 or 100% {braces}"
  directive             = "%{if var.enabled}on%{else}off%{endif}"
  nested_template       = join(",", [for s in var.names : "${s}-x"])
  control_characters    = "bell\u0007 and carriage\r return"
  unicode               = "café ✓"
  number                = 3.5
  integer               = 42
  flag                  = true
  nothing               = null
  list_of_lists = [
    ["a", "b"],
    [],
  ]
  empty_object = {}
  object_with_interpolated_key = {
    "${var.key}" = "value"
    plain        = var.value
  }
}
