resource "example_thing" "this" {
  name = "thing"

  dynamic "rule" {
    for_each = var.first ? [1] : []

    content {
      port = 80
    }
  }

  dynamic "rule" {
    for_each = var.rules

    content {
      port = rule.value.port

      target {
        arn = rule.value.arn
      }
    }
  }
}
