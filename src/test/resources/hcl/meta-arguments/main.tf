data "aws_availability_zones" "available" {
  state = "available"

  lifecycle {
    postcondition {
      condition     = length(self.names) >= 2
      error_message = "The region has ${length(self.names)} zones; 2 are needed."
    }
  }
}

resource "aws_cloudwatch_log_group" "this" {
  count    = var.create_log_group ? 1 : 0
  provider = aws.logs

  name              = "/ecs/${var.name}"
  retention_in_days = 30

  depends_on = [aws_iam_role.execution, module.network]

  lifecycle {
    create_before_destroy = true
    prevent_destroy       = false
    ignore_changes        = [tags, retention_in_days]
    replace_triggered_by  = [aws_iam_role.execution.id]

    precondition {
      condition     = var.name != ""
      error_message = "name must not be empty"
    }
  }
}

resource "aws_subnet" "private" {
  for_each = var.private_subnets

  vpc_id     = var.vpc_id
  cidr_block = each.value

  lifecycle {
    ignore_changes = all
  }
}
