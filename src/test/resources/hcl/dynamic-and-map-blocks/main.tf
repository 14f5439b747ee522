resource "example_thing" "this" {
  name = "thing"

  setting "first" {
    value = "1"
  }

  setting "second name" {
    value = var.second
  }

  dynamic "rule" {
    for_each = var.rules
    iterator = r

    content {
      port = r.value.port

      target {
        arn = r.value.arn
      }
    }
  }
}
