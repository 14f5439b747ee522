resource "aws_cloudwatch_metric_alarm" "blue_5xx" {
  alarm_description   = "Target 5xx responses above ${var.http5xx_percent}% of requests on the blue target group; stops and rolls back a release."
  alarm_name          = "${var.app}-${var.environment}-blue-5xx"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = var.evaluation_periods
  threshold           = var.http5xx_percent
  treat_missing_data  = "notBreaching"

  metric_query {
    id          = "errors"
    return_data = false

    metric {
      dimensions = {
        LoadBalancer = var.alb_arn_suffix
        TargetGroup  = var.blue_target_group_arn_suffix
      }
      metric_name = "HTTPCode_Target_5XX_Count"
      namespace   = "AWS/ApplicationELB"
      period      = var.period_seconds
      stat        = "Sum"
    }
  }

  metric_query {
    id          = "requests"
    return_data = false

    metric {
      dimensions = {
        LoadBalancer = var.alb_arn_suffix
        TargetGroup  = var.blue_target_group_arn_suffix
      }
      metric_name = "RequestCount"
      namespace   = "AWS/ApplicationELB"
      period      = var.period_seconds
      stat        = "Sum"
    }
  }

  metric_query {
    expression  = "IF(requests > 0, 100 * FILL(errors, 0) / requests, 0)"
    id          = "error_rate"
    label       = "Target 5xx, % of requests"
    return_data = true
  }
}

resource "aws_cloudwatch_metric_alarm" "blue_p99_latency" {
  count = var.p99_latency_seconds != null ? 1 : 0

  alarm_description   = "p99 target response time above ${var.p99_latency_seconds} s on the blue target group; stops and rolls back a release."
  alarm_name          = "${var.app}-${var.environment}-blue-p99-latency"
  comparison_operator = "GreaterThanThreshold"
  dimensions = {
    LoadBalancer = var.alb_arn_suffix
    TargetGroup  = var.blue_target_group_arn_suffix
  }
  evaluation_periods = var.evaluation_periods
  extended_statistic = "p99"
  metric_name        = "TargetResponseTime"
  namespace          = "AWS/ApplicationELB"
  period             = var.period_seconds
  threshold          = var.p99_latency_seconds
  treat_missing_data = "notBreaching"
}

resource "aws_cloudwatch_metric_alarm" "blue_unhealthy_hosts" {
  alarm_description   = "${var.unhealthy_hosts} or more unhealthy targets in the blue target group; stops and rolls back a release."
  alarm_name          = "${var.app}-${var.environment}-blue-unhealthy-hosts"
  comparison_operator = "GreaterThanOrEqualToThreshold"
  dimensions = {
    LoadBalancer = var.alb_arn_suffix
    TargetGroup  = var.blue_target_group_arn_suffix
  }
  evaluation_periods = var.evaluation_periods
  metric_name        = "UnHealthyHostCount"
  namespace          = "AWS/ApplicationELB"
  period             = var.period_seconds
  statistic          = "Maximum"
  threshold          = var.unhealthy_hosts
  treat_missing_data = "notBreaching"
}

resource "aws_cloudwatch_metric_alarm" "green_5xx" {
  alarm_description   = "Target 5xx responses above ${var.http5xx_percent}% of requests on the green target group; stops and rolls back a release."
  alarm_name          = "${var.app}-${var.environment}-green-5xx"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = var.evaluation_periods
  threshold           = var.http5xx_percent
  treat_missing_data  = "notBreaching"

  metric_query {
    id          = "errors"
    return_data = false

    metric {
      dimensions = {
        LoadBalancer = var.alb_arn_suffix
        TargetGroup  = var.green_target_group_arn_suffix
      }
      metric_name = "HTTPCode_Target_5XX_Count"
      namespace   = "AWS/ApplicationELB"
      period      = var.period_seconds
      stat        = "Sum"
    }
  }

  metric_query {
    id          = "requests"
    return_data = false

    metric {
      dimensions = {
        LoadBalancer = var.alb_arn_suffix
        TargetGroup  = var.green_target_group_arn_suffix
      }
      metric_name = "RequestCount"
      namespace   = "AWS/ApplicationELB"
      period      = var.period_seconds
      stat        = "Sum"
    }
  }

  metric_query {
    expression  = "IF(requests > 0, 100 * FILL(errors, 0) / requests, 0)"
    id          = "error_rate"
    label       = "Target 5xx, % of requests"
    return_data = true
  }
}

resource "aws_cloudwatch_metric_alarm" "green_p99_latency" {
  count = var.p99_latency_seconds != null ? 1 : 0

  alarm_description   = "p99 target response time above ${var.p99_latency_seconds} s on the green target group; stops and rolls back a release."
  alarm_name          = "${var.app}-${var.environment}-green-p99-latency"
  comparison_operator = "GreaterThanThreshold"
  dimensions = {
    LoadBalancer = var.alb_arn_suffix
    TargetGroup  = var.green_target_group_arn_suffix
  }
  evaluation_periods = var.evaluation_periods
  extended_statistic = "p99"
  metric_name        = "TargetResponseTime"
  namespace          = "AWS/ApplicationELB"
  period             = var.period_seconds
  threshold          = var.p99_latency_seconds
  treat_missing_data = "notBreaching"
}

resource "aws_cloudwatch_metric_alarm" "green_unhealthy_hosts" {
  alarm_description   = "${var.unhealthy_hosts} or more unhealthy targets in the green target group; stops and rolls back a release."
  alarm_name          = "${var.app}-${var.environment}-green-unhealthy-hosts"
  comparison_operator = "GreaterThanOrEqualToThreshold"
  dimensions = {
    LoadBalancer = var.alb_arn_suffix
    TargetGroup  = var.green_target_group_arn_suffix
  }
  evaluation_periods = var.evaluation_periods
  metric_name        = "UnHealthyHostCount"
  namespace          = "AWS/ApplicationELB"
  period             = var.period_seconds
  statistic          = "Maximum"
  threshold          = var.unhealthy_hosts
  treat_missing_data = "notBreaching"
}

resource "aws_codedeploy_app" "application" {
  compute_platform = "ECS"
  name             = "${var.app}-${var.environment}"
}

resource "aws_codedeploy_deployment_config" "deployment_config" {
  count = contains(["canary", "linear"], var.strategy) ? 1 : 0

  compute_platform       = "ECS"
  deployment_config_name = "${var.app}-${var.environment}-${var.strategy}-${var.percent}pct-${var.interval_minutes}min"

  traffic_routing_config {
    type = (var.strategy == "canary" ? "TimeBasedCanary" : "TimeBasedLinear")

    dynamic "time_based_canary" {
      for_each = var.strategy == "canary" ? [1] : []

      content {
        interval   = var.interval_minutes
        percentage = var.percent
      }
    }

    dynamic "time_based_linear" {
      for_each = var.strategy == "linear" ? [1] : []

      content {
        interval   = var.interval_minutes
        percentage = var.percent
      }
    }
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_codedeploy_deployment_group" "deployment_group" {
  app_name               = aws_codedeploy_app.application.name
  deployment_config_name = (contains(["canary", "linear"], var.strategy) ? aws_codedeploy_deployment_config.deployment_config[0].deployment_config_name : "CodeDeployDefault.ECSAllAtOnce")
  deployment_group_name  = "${var.app}-${var.environment}"
  service_role_arn       = var.codedeploy_role_arn

  alarm_configuration {
    alarms  = concat([aws_cloudwatch_metric_alarm.blue_5xx.alarm_name, aws_cloudwatch_metric_alarm.blue_unhealthy_hosts.alarm_name], aws_cloudwatch_metric_alarm.blue_p99_latency[*].alarm_name, [aws_cloudwatch_metric_alarm.green_5xx.alarm_name, aws_cloudwatch_metric_alarm.green_unhealthy_hosts.alarm_name], aws_cloudwatch_metric_alarm.green_p99_latency[*].alarm_name)
    enabled = true
  }

  auto_rollback_configuration {
    enabled = true
    events  = ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"]
  }

  blue_green_deployment_config {
    deployment_ready_option {
      action_on_timeout = "CONTINUE_DEPLOYMENT"
    }

    terminate_blue_instances_on_deployment_success {
      action                           = "TERMINATE"
      termination_wait_time_in_minutes = var.terminate_blue_after_minutes
    }
  }

  deployment_style {
    deployment_option = "WITH_TRAFFIC_CONTROL"
    deployment_type   = "BLUE_GREEN"
  }

  ecs_service {
    cluster_name = var.cluster_name
    service_name = var.service_name
  }

  load_balancer_info {
    target_group_pair_info {
      prod_traffic_route {
        listener_arns = [var.production_listener_arn]
      }

      target_group {
        name = var.blue_target_group_name
      }

      target_group {
        name = var.green_target_group_name
      }

      test_traffic_route {
        listener_arns = [var.test_listener_arn]
      }
    }
  }
}
