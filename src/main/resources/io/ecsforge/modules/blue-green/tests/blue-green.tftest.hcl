# Each strategy and the optional latency alarm, planned with a mocked AWS provider: no
# credentials, nothing made.

mock_provider "aws" {}

variables {
  app                           = "webapp"
  environment                   = "test"
  codedeploy_role_arn           = "arn:aws:iam::123456789012:role/webapp-test-codedeploy"
  cluster_name                  = "webapp-test"
  service_name                  = "webapp-test"
  production_listener_arn       = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/webapp-test/50dc6c495c0c9188/f2f7dc8efc522ab2"
  test_listener_arn             = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/webapp-test/50dc6c495c0c9188/a1b2c3d4e5f60718"
  blue_target_group_name        = "webapp-test-blue"
  green_target_group_name       = "webapp-test-green"
  blue_target_group_arn_suffix  = "targetgroup/webapp-test-blue/0123456789abcdef"
  green_target_group_arn_suffix = "targetgroup/webapp-test-green/fedcba9876543210"
  alb_arn_suffix                = "app/webapp-test/50dc6c495c0c9188"
}

run "the_default_is_a_canary_of_twenty_five_percent_for_ten_minutes" {
  command = plan

  assert {
    condition     = aws_codedeploy_deployment_config.deployment_config[0].deployment_config_name == "webapp-test-canary-25pct-10min"
    error_message = "the deployment configuration should be named after its settings"
  }

  assert {
    condition     = aws_codedeploy_deployment_config.deployment_config[0].traffic_routing_config[0].type == "TimeBasedCanary"
    error_message = "a canary should shift traffic by TimeBasedCanary"
  }

  assert {
    condition = [for shift in aws_codedeploy_deployment_config.deployment_config[0].traffic_routing_config[0].time_based_canary :
    [shift.percentage, shift.interval]] == [[25, 10]]
    error_message = "the canary should send 25% of traffic for 10 minutes"
  }

  assert {
    condition     = length(aws_codedeploy_deployment_config.deployment_config[0].traffic_routing_config[0].time_based_linear) == 0
    error_message = "a canary should have no linear steps"
  }

  assert {
    condition     = aws_codedeploy_deployment_group.deployment_group.deployment_config_name == "webapp-test-canary-25pct-10min"
    error_message = "the deployment group should use the canary's configuration"
  }

  assert {
    condition = aws_codedeploy_deployment_group.deployment_group.alarm_configuration[0].alarms == toset([
      "webapp-test-blue-5xx", "webapp-test-blue-unhealthy-hosts", "webapp-test-green-5xx",
    "webapp-test-green-unhealthy-hosts"])
    error_message = "without p99_latency_seconds, each target group should have a 5xx and an unhealthy-hosts alarm"
  }

  assert {
    condition     = length(aws_cloudwatch_metric_alarm.blue_p99_latency) == 0 && length(aws_cloudwatch_metric_alarm.green_p99_latency) == 0
    error_message = "without p99_latency_seconds there should be no latency alarm"
  }
}

run "linear_shifts_the_same_share_at_every_step" {
  command = plan

  variables {
    strategy         = "linear"
    percent          = 10
    interval_minutes = 6
  }

  assert {
    condition     = aws_codedeploy_deployment_config.deployment_config[0].traffic_routing_config[0].type == "TimeBasedLinear"
    error_message = "linear should shift traffic by TimeBasedLinear"
  }

  assert {
    condition = [for shift in aws_codedeploy_deployment_config.deployment_config[0].traffic_routing_config[0].time_based_linear :
    [shift.percentage, shift.interval]] == [[10, 6]]
    error_message = "linear should shift 10% every 6 minutes"
  }

  assert {
    condition     = length(aws_codedeploy_deployment_config.deployment_config[0].traffic_routing_config[0].time_based_canary) == 0
    error_message = "linear should have no canary"
  }

  assert {
    condition     = aws_codedeploy_deployment_config.deployment_config[0].deployment_config_name == "webapp-test-linear-10pct-6min"
    error_message = "the deployment configuration should be named after its settings"
  }
}

run "all_at_once_uses_the_built_in_configuration" {
  command = plan

  variables {
    strategy = "all-at-once"
  }

  assert {
    condition     = length(aws_codedeploy_deployment_config.deployment_config) == 0
    error_message = "all-at-once should make no deployment configuration of its own"
  }

  assert {
    condition     = aws_codedeploy_deployment_group.deployment_group.deployment_config_name == "CodeDeployDefault.ECSAllAtOnce"
    error_message = "all-at-once should use CodeDeployDefault.ECSAllAtOnce"
  }

  assert {
    condition     = output.deployment_config_name == "CodeDeployDefault.ECSAllAtOnce"
    error_message = "the output should name the built-in configuration"
  }
}

run "a_latency_threshold_adds_a_latency_alarm_on_each_target_group" {
  command = plan

  variables {
    p99_latency_seconds = 1.5
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.blue_p99_latency[0].threshold == 1.5 && aws_cloudwatch_metric_alarm.green_p99_latency[0].threshold == 1.5
    error_message = "each target group should have a p99 latency alarm at p99_latency_seconds"
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.blue_p99_latency[0].alarm_description == "p99 target response time above 1.5 s on the blue target group; stops and rolls back a release."
    error_message = "the latency alarm should say its threshold"
  }

  assert {
    condition     = length(aws_codedeploy_deployment_group.deployment_group.alarm_configuration[0].alarms) == 6
    error_message = "the deployment group should roll back on all six alarms"
  }
}

run "a_canary_shorter_than_the_alarms_need_is_refused" {
  command = plan

  variables {
    interval_minutes   = 4
    evaluation_periods = 5
  }

  expect_failures = [var.interval_minutes]
}

run "an_alarm_period_that_is_not_whole_minutes_is_refused" {
  command = plan

  variables {
    period_seconds = 90
  }

  expect_failures = [var.period_seconds]
}

run "an_unknown_strategy_is_refused" {
  command = plan

  variables {
    strategy = "blue-green"
  }

  expect_failures = [var.strategy]
}

run "a_latency_threshold_out_of_range_is_refused" {
  command = plan

  variables {
    p99_latency_seconds = 61
  }

  expect_failures = [var.p99_latency_seconds]
}
