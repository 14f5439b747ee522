locals {
  padded            = var.name
  conditional       = var.a == 1 ? var.b : -1
  object_call       = jsonencode({ "a" = var.b, "c" = [1, 2] })
  empty_object      = merge({}, var.tags)
  for_list          = [for s in var.names : upper(s)]
  for_object        = { for k, v in var.m : k => v }
  logic             = !var.enabled && var.x != ""
  splats            = concat(aws_subnet.private.*.id, aws_subnet.public[*].id, [var.list[0]])
  arithmetic        = (var.a) - 1 + (-var.b) * -2
  expansion         = max(var.sizes...)
  provider_function = provider::aws::arn_parse(var.arn).account_id
  template          = "x-${join(",", var.l)}-y"
  directive         = "%{if var.enabled}on%{else}off%{endif}"
  nested_template   = "${var.a}-b"
  strip_markers     = "a ${~var.b~} c"
}
