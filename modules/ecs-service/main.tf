data "aws_region" "region" {
}

resource "aws_appautoscaling_policy" "cpu_target_tracking" {
  count = var.autoscaling_enabled ? 1 : 0

  name               = "${var.app}-${var.environment}-cpu"
  policy_type        = "TargetTrackingScaling"
  resource_id        = aws_appautoscaling_target.autoscaling_target[0].resource_id
  scalable_dimension = aws_appautoscaling_target.autoscaling_target[0].scalable_dimension
  service_namespace  = aws_appautoscaling_target.autoscaling_target[0].service_namespace

  target_tracking_scaling_policy_configuration {
    scale_in_cooldown  = 300
    scale_out_cooldown = 60
    target_value       = var.autoscaling_cpu_target

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

resource "aws_appautoscaling_target" "autoscaling_target" {
  count = var.autoscaling_enabled ? 1 : 0

  max_capacity       = var.autoscaling_max
  min_capacity       = var.autoscaling_min
  resource_id        = "service/${var.app}-${var.environment}/${aws_ecs_service.service.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  service_namespace  = "ecs"
}

resource "aws_cloudwatch_log_group" "exec_logs" {
  count = var.execute_command ? 1 : 0

  name              = "/ecs/${var.app}-${var.environment}/exec"
  retention_in_days = var.log_retention_days
}

resource "aws_cloudwatch_log_group" "logs" {
  kms_key_id        = var.log_kms_key_arn == "" ? null : var.log_kms_key_arn
  name              = "/ecs/${var.app}-${var.environment}"
  retention_in_days = var.log_retention_days
}

resource "aws_cloudwatch_log_group" "web_acl_logs" {
  count = var.waf == "managed" ? 1 : 0

  kms_key_id        = var.log_kms_key_arn == "" ? null : var.log_kms_key_arn
  name              = "aws-waf-logs-${var.app}-${var.environment}"
  retention_in_days = var.log_retention_days
}

resource "aws_ecs_cluster" "cluster" {
  name = "${var.app}-${var.environment}"

  dynamic "configuration" {
    for_each = (var.execute_command ? ["exec"] : [])

    content {
      execute_command_configuration {
        logging = "OVERRIDE"

        log_configuration {
          cloud_watch_log_group_name = aws_cloudwatch_log_group.exec_logs[0].name
        }
      }
    }
  }

  setting {
    name  = "containerInsights"
    value = (var.container_insights ? "enabled" : "disabled")
  }
}

resource "aws_ecs_cluster_capacity_providers" "capacity_providers" {
  capacity_providers = ["FARGATE", "FARGATE_SPOT"]
  cluster_name       = aws_ecs_cluster.cluster.name

  default_capacity_provider_strategy {
    base              = 1
    capacity_provider = "FARGATE"
    weight            = 1
  }

  dynamic "default_capacity_provider_strategy" {
    for_each = var.fargate_spot_weight > 0 ? [var.fargate_spot_weight] : []

    content {
      base              = 0
      capacity_provider = "FARGATE_SPOT"
      weight            = default_capacity_provider_strategy.value
    }
  }
}

resource "aws_ecs_service" "service" {
  cluster                           = aws_ecs_cluster.cluster.arn
  desired_count                     = (var.autoscaling_enabled ? max(var.autoscaling_min, min(var.autoscaling_max, var.desired_count)) : var.desired_count)
  enable_ecs_managed_tags           = true
  enable_execute_command            = var.execute_command
  health_check_grace_period_seconds = var.health_check_grace_period_seconds
  name                              = "${var.app}-${var.environment}"
  propagate_tags                    = "SERVICE"
  task_definition                   = aws_ecs_task_definition.task.arn
  wait_for_steady_state             = false

  capacity_provider_strategy {
    base              = 1
    capacity_provider = "FARGATE"
    weight            = 1
  }

  deployment_controller {
    type = "CODE_DEPLOY"
  }

  dynamic "capacity_provider_strategy" {
    for_each = var.fargate_spot_weight > 0 ? [var.fargate_spot_weight] : []

    content {
      base              = 0
      capacity_provider = "FARGATE_SPOT"
      weight            = capacity_provider_strategy.value
    }
  }

  load_balancer {
    container_name   = coalesce(var.container_name, var.app)
    container_port   = var.container_port
    target_group_arn = aws_lb_target_group.blue.arn
  }

  network_configuration {
    assign_public_ip = false
    security_groups  = [aws_security_group.service_security_group.id]
    subnets          = var.private_subnet_ids
  }

  depends_on = [aws_lb_listener.production_listener, aws_lb_listener.test_listener]

  lifecycle {
    ignore_changes = [task_definition, load_balancer, capacity_provider_strategy, desired_count]
  }
}

resource "aws_ecs_task_definition" "task" {
  container_definitions    = "[{\"name\":\"${coalesce(var.container_name, var.app)}\",\"image\":\"${var.repository_url}:${var.image_tag}\",\"essential\":true,\"privileged\":false,\"readonlyRootFilesystem\":${var.readonly_root_filesystem},\"portMappings\":[{\"containerPort\":${var.container_port},\"hostPort\":${var.container_port},\"protocol\":\"tcp\"}],\"environment\":${jsonencode([for name, value in var.environment_variables : { name = name, value = value }])},\"secrets\":${jsonencode([for name, value in var.secrets : { name = name, valueFrom = value }])},\"mountPoints\":${(var.execute_command && var.readonly_root_filesystem) ? jsonencode([{ "sourceVolume" : "exec-managed-agents", "containerPath" : "/managed-agents", "readOnly" : false }, { "sourceVolume" : "exec-ssm-state", "containerPath" : "/var/lib/amazon/ssm", "readOnly" : false }, { "sourceVolume" : "exec-ssm-logs", "containerPath" : "/var/log/amazon/ssm", "readOnly" : false }]) : "[]"},\"linuxParameters\":${var.execute_command ? jsonencode({ "initProcessEnabled" : true }) : "null"},\"logConfiguration\":{\"logDriver\":\"awslogs\",\"options\":{\"awslogs-group\":\"/ecs/${var.app}-${var.environment}\",\"awslogs-region\":\"${data.aws_region.region.name}\",\"awslogs-stream-prefix\":\"ecs\"}}}]"
  cpu                      = var.cpu
  execution_role_arn       = var.execution_role_arn
  family                   = "${var.app}-${var.environment}"
  memory                   = var.memory
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  skip_destroy             = true
  task_role_arn            = var.task_role_arn

  dynamic "volume" {
    for_each = ((var.execute_command && var.readonly_root_filesystem) ? ["exec-managed-agents", "exec-ssm-state", "exec-ssm-logs"] : [])

    content {
      name = volume.value
    }
  }

  runtime_platform {
    cpu_architecture        = var.cpu_architecture
    operating_system_family = "LINUX"
  }

  depends_on = [aws_cloudwatch_log_group.logs]
}

resource "aws_lb" "alb" {
  drop_invalid_header_fields = true
  enable_deletion_protection = var.deletion_protection
  idle_timeout               = var.idle_timeout_seconds
  internal                   = false
  load_balancer_type         = "application"
  name                       = length("${var.app}-${var.environment}") <= 32 ? "${var.app}-${var.environment}" : "${replace(substr("${var.app}-${var.environment}", 0, 25), "/-+$/", "")}-${substr(sha256("${var.app}-${var.environment}"), 0, 6)}"
  security_groups            = [aws_security_group.alb_security_group.id]
  subnets                    = var.public_subnet_ids

  dynamic "access_logs" {
    for_each = var.access_logs_bucket != "" ? [1] : []

    content {
      bucket  = var.access_logs_bucket
      enabled = true
      prefix  = var.access_logs_prefix != "" ? var.access_logs_prefix : null
    }
  }
}

resource "aws_lb_listener" "http_redirect_listener" {
  count = var.certificate_arn != "" ? 1 : 0

  load_balancer_arn = aws_lb.alb.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"

    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }

  depends_on = [aws_lb_listener.production_listener]
}

resource "aws_lb_listener" "production_listener" {
  certificate_arn   = var.certificate_arn != "" ? var.certificate_arn : null
  load_balancer_arn = aws_lb.alb.arn
  port              = (var.certificate_arn != "" ? 443 : 80)
  protocol          = (var.certificate_arn != "" ? "HTTPS" : "HTTP")
  ssl_policy        = var.certificate_arn != "" ? var.ssl_policy : null

  default_action {
    target_group_arn = aws_lb_target_group.blue.arn
    type             = "forward"
  }

  lifecycle {
    ignore_changes = [default_action]
  }
}

resource "aws_lb_listener" "test_listener" {
  certificate_arn   = var.certificate_arn != "" ? var.certificate_arn : null
  load_balancer_arn = aws_lb.alb.arn
  port              = var.test_listener_port
  protocol          = (var.certificate_arn != "" ? "HTTPS" : "HTTP")
  ssl_policy        = var.certificate_arn != "" ? var.ssl_policy : null

  default_action {
    target_group_arn = aws_lb_target_group.blue.arn
    type             = "forward"
  }

  lifecycle {
    ignore_changes = [default_action]
  }
}

resource "aws_lb_target_group" "blue" {
  deregistration_delay = "60"
  name                 = length("${var.app}-${var.environment}-blue") <= 32 ? "${var.app}-${var.environment}-blue" : "${replace(substr("${var.app}-${var.environment}", 0, 20), "/-+$/", "")}-${substr(sha256("${var.app}-${var.environment}-blue"), 0, 6)}-blue"
  port                 = var.container_port
  protocol             = "HTTP"
  target_type          = "ip"
  vpc_id               = var.vpc_id

  health_check {
    enabled             = true
    healthy_threshold   = 2
    interval            = 15
    matcher             = "200-399"
    path                = var.health_check_path
    port                = "traffic-port"
    protocol            = "HTTP"
    unhealthy_threshold = 3
  }
}

resource "aws_lb_target_group" "green" {
  deregistration_delay = "60"
  name                 = length("${var.app}-${var.environment}-green") <= 32 ? "${var.app}-${var.environment}-green" : "${replace(substr("${var.app}-${var.environment}", 0, 19), "/-+$/", "")}-${substr(sha256("${var.app}-${var.environment}-green"), 0, 6)}-green"
  port                 = var.container_port
  protocol             = "HTTP"
  target_type          = "ip"
  vpc_id               = var.vpc_id

  health_check {
    enabled             = true
    healthy_threshold   = 2
    interval            = 15
    matcher             = "200-399"
    path                = var.health_check_path
    port                = "traffic-port"
    protocol            = "HTTP"
    unhealthy_threshold = 3
  }
}

resource "aws_security_group" "alb_security_group" {
  description = "Load balancer of ${var.app}-${var.environment}: listener ports in, the container port out"
  name        = "${var.app}-${var.environment}-alb"
  vpc_id      = var.vpc_id
}

resource "aws_security_group" "service_security_group" {
  description = "Tasks of ${var.app}-${var.environment}: the load balancer in, HTTPS out"
  name        = "${var.app}-${var.environment}-service"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_egress_rule" "alb_egress_to_service" {
  description                  = "requests and health checks to the tasks"
  from_port                    = var.container_port
  ip_protocol                  = "tcp"
  referenced_security_group_id = aws_security_group.service_security_group.id
  security_group_id            = aws_security_group.alb_security_group.id
  to_port                      = var.container_port
}

resource "aws_vpc_security_group_egress_rule" "service_egress" {
  for_each = { for item in var.egress : format("%s_%d%s_%s", item.protocol, item.port, item.to_port == null || item.to_port == item.port ? "" : format("_%d", item.to_port), coalesce(item.cidr, item.prefix_list_id, item.security_group_id)) => item }

  cidr_ipv4                    = each.value.cidr
  description                  = "${var.app}-${var.environment} tasks out${each.value.description == "" ? "" : format(": %s", each.value.description)}"
  from_port                    = each.value.port
  ip_protocol                  = each.value.protocol
  prefix_list_id               = each.value.prefix_list_id
  referenced_security_group_id = each.value.security_group_id
  security_group_id            = aws_security_group.service_security_group.id
  to_port                      = coalesce(each.value.to_port, each.value.port)
}

resource "aws_vpc_security_group_egress_rule" "service_egress_https" {
  cidr_ipv4         = "0.0.0.0/0"
  description       = "ECR, CloudWatch Logs, SSM, Secrets Manager and HTTPS APIs"
  from_port         = 443
  ip_protocol       = "tcp"
  security_group_id = aws_security_group.service_security_group.id
  to_port           = 443
}

resource "aws_vpc_security_group_ingress_rule" "alb_ingress_443" {
  for_each = toset((var.certificate_arn != "" ? var.allowed_cidrs : []))

  cidr_ipv4         = each.value
  description       = "the production listener on 443"
  from_port         = 443
  ip_protocol       = "tcp"
  security_group_id = aws_security_group.alb_security_group.id
  to_port           = 443
}

resource "aws_vpc_security_group_ingress_rule" "alb_ingress_80" {
  for_each = toset(var.allowed_cidrs)

  cidr_ipv4         = each.value
  description       = "the production listener on 80"
  from_port         = 80
  ip_protocol       = "tcp"
  security_group_id = aws_security_group.alb_security_group.id
  to_port           = 80
}

resource "aws_vpc_security_group_ingress_rule" "alb_ingress_test" {
  for_each = toset(var.test_listener_cidrs)

  cidr_ipv4         = each.value
  description       = "the test listener on ${var.test_listener_port}"
  from_port         = var.test_listener_port
  ip_protocol       = "tcp"
  security_group_id = aws_security_group.alb_security_group.id
  to_port           = var.test_listener_port
}

resource "aws_vpc_security_group_ingress_rule" "alb_ingress_test_nat" {
  count = length(var.nat_public_ips)

  cidr_ipv4         = "${(var.nat_public_ips)[count.index]}/32"
  description       = "the test listener on ${var.test_listener_port} from NAT gateway ${count.index}"
  from_port         = var.test_listener_port
  ip_protocol       = "tcp"
  security_group_id = aws_security_group.alb_security_group.id
  to_port           = var.test_listener_port
}

resource "aws_vpc_security_group_ingress_rule" "service_ingress_from_alb" {
  description                  = "requests and health checks from the load balancer"
  from_port                    = var.container_port
  ip_protocol                  = "tcp"
  referenced_security_group_id = aws_security_group.alb_security_group.id
  security_group_id            = aws_security_group.service_security_group.id
  to_port                      = var.container_port
}

resource "aws_wafv2_web_acl" "web_acl" {
  count = var.waf == "managed" ? 1 : 0

  description = "AWS managed rule groups in front of the load balancer of ${var.app}-${var.environment}"
  name        = "${var.app}-${var.environment}"
  scope       = "REGIONAL"

  default_action {
    allow {
    }
  }

  rule {
    name     = "AWSManagedRulesAmazonIpReputationList"
    priority = 0

    override_action {
      none {
      }
    }

    statement {
      managed_rule_group_statement {
        name        = "AWSManagedRulesAmazonIpReputationList"
        vendor_name = "AWS"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "AWSManagedRulesAmazonIpReputationList"
      sampled_requests_enabled   = true
    }
  }

  rule {
    name     = "AWSManagedRulesAnonymousIpList"
    priority = 1

    override_action {
      none {
      }
    }

    statement {
      managed_rule_group_statement {
        name        = "AWSManagedRulesAnonymousIpList"
        vendor_name = "AWS"

        rule_action_override {
          name = "HostingProviderIPList"

          action_to_use {
            count {
            }
          }
        }
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "AWSManagedRulesAnonymousIpList"
      sampled_requests_enabled   = true
    }
  }

  rule {
    name     = "AWSManagedRulesKnownBadInputsRuleSet"
    priority = 2

    override_action {
      none {
      }
    }

    statement {
      managed_rule_group_statement {
        name        = "AWSManagedRulesKnownBadInputsRuleSet"
        vendor_name = "AWS"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "AWSManagedRulesKnownBadInputsRuleSet"
      sampled_requests_enabled   = true
    }
  }

  rule {
    name     = "AWSManagedRulesCommonRuleSet"
    priority = 3

    override_action {
      none {
      }
    }

    statement {
      managed_rule_group_statement {
        name        = "AWSManagedRulesCommonRuleSet"
        vendor_name = "AWS"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "AWSManagedRulesCommonRuleSet"
      sampled_requests_enabled   = true
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "${var.app}-${var.environment}"
    sampled_requests_enabled   = true
  }
}

resource "aws_wafv2_web_acl_association" "alb_web_acl" {
  count = var.waf_web_acl_arn != "" || var.waf == "managed" ? 1 : 0

  resource_arn = aws_lb.alb.arn
  web_acl_arn  = (var.waf == "managed" ? one(aws_wafv2_web_acl.web_acl[*].arn) : var.waf_web_acl_arn)
}

resource "aws_wafv2_web_acl_logging_configuration" "web_acl_logging" {
  count = var.waf == "managed" ? 1 : 0

  log_destination_configs = [aws_cloudwatch_log_group.web_acl_logs[0].arn]
  resource_arn            = aws_wafv2_web_acl.web_acl[0].arn

  logging_filter {
    default_behavior = "DROP"

    filter {
      behavior    = "KEEP"
      requirement = "MEETS_ANY"

      condition {
        action_condition {
          action = "BLOCK"
        }
      }

      condition {
        action_condition {
          action = "COUNT"
        }
      }
    }
  }

  redacted_fields {
    single_header {
      name = "authorization"
    }
  }

  redacted_fields {
    single_header {
      name = "cookie"
    }
  }
}
