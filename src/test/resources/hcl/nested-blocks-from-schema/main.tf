resource "aws_ecs_service" "this" {
  name    = "web"
  cluster = var.cluster_arn

  network_configuration {
    subnets          = [var.subnet_ids[0], var.subnet_ids[1]]
    security_groups  = [aws_security_group.this.id]
    assign_public_ip = false
  }

  load_balancer {
    container_name   = "web"
    container_port   = 3000
    target_group_arn = var.blue_arn
  }

  load_balancer {
    container_name   = "web"
    container_port   = 3001
    target_group_arn = var.green_arn
  }

  deployment_controller {
    type = "CODE_DEPLOY"
  }
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = var.alb_arn
  port              = 80

  default_action {
    type = "forward"

    forward {
      target_group {
        arn    = var.blue_arn
        weight = 100
      }

      target_group {
        arn    = var.green_arn
        weight = 0
      }
    }
  }
}
