# The module's shapes, planned with a mocked AWS provider: no credentials, no account, nothing
# made. The region the module reads is given the answer AWS would give.

mock_provider "aws" {
  # OpenTofu's mock makes up the values of computed attributes at plan, and the provider checks
  # that an ARN it is given is one; Terraform leaves them unknown. Both accept these.
  mock_resource "aws_lb" {
    defaults = {
      arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/webapp-test/0123456789abcdef"
    }
  }

  mock_resource "aws_lb_target_group" {
    defaults = {
      arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/webapp-test-blue/0123456789abcdef"
    }
  }

  mock_resource "aws_ecs_cluster" {
    defaults = {
      arn = "arn:aws:ecs:eu-west-1:123456789012:cluster/webapp-test"
    }
  }

  mock_resource "aws_ecs_task_definition" {
    defaults = {
      arn = "arn:aws:ecs:eu-west-1:123456789012:task-definition/webapp-test:1"
    }
  }
}

override_data {
  target = data.aws_region.region
  values = {
    name = "eu-west-1"
  }
}

variables {
  app                = "webapp"
  environment        = "test"
  vpc_id             = "vpc-0123456789abcdef0"
  public_subnet_ids  = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  private_subnet_ids = ["subnet-0123456789abcdef2", "subnet-0123456789abcdef3"]
  repository_url     = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/webapp"
  execution_role_arn = "arn:aws:iam::123456789012:role/webapp-test-execution"
  task_role_arn      = "arn:aws:iam::123456789012:role/webapp-test-task"
}

run "without_a_certificate_production_is_plain_http_on_80" {
  command = plan

  assert {
    condition     = aws_lb_listener.production_listener.port == 80 && aws_lb_listener.production_listener.protocol == "HTTP"
    error_message = "without certificate_arn the production listener should be HTTP on 80"
  }

  assert {
    condition     = length(aws_lb_listener.http_redirect_listener) == 0 && length(aws_vpc_security_group_ingress_rule.alb_ingress_443) == 0
    error_message = "without certificate_arn there should be no redirect and nothing open on 443"
  }

  assert {
    condition     = keys(aws_vpc_security_group_ingress_rule.alb_ingress_80) == ["0.0.0.0/0"]
    error_message = "port 80 should be open to allowed_cidrs, one rule a block"
  }
}

run "a_certificate_makes_https_on_443_and_redirects_80" {
  command = plan

  variables {
    certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/0f1e2d3c"
  }

  assert {
    condition     = aws_lb_listener.production_listener.port == 443 && aws_lb_listener.test_listener.protocol == "HTTPS"
    error_message = "with certificate_arn both listeners should be HTTPS, production on 443"
  }

  assert {
    condition     = aws_lb_listener.test_listener.ssl_policy == "ELBSecurityPolicy-TLS13-1-2-2021-06"
    error_message = "the HTTPS listeners should use ssl_policy"
  }

  assert {
    condition     = length(aws_lb_listener.http_redirect_listener) == 1 && length(aws_vpc_security_group_ingress_rule.alb_ingress_443) == 1
    error_message = "with certificate_arn port 80 should redirect, and 443 be open"
  }
}

run "autoscaling_keeps_the_first_count_within_its_bounds" {
  command = plan

  variables {
    desired_count   = 1
    autoscaling_min = 3
    autoscaling_max = 12
  }

  assert {
    condition     = aws_ecs_service.service.desired_count == 3
    error_message = "a new service should start with desired_count kept within autoscaling_min and autoscaling_max"
  }

  assert {
    condition     = aws_appautoscaling_target.autoscaling_target[0].min_capacity == 3 && aws_appautoscaling_target.autoscaling_target[0].max_capacity == 12
    error_message = "the scalable target should be bounded by autoscaling_min and autoscaling_max"
  }
}

run "without_autoscaling_desired_count_tasks_run" {
  command = plan

  variables {
    autoscaling_enabled = false
    desired_count       = 1
  }

  assert {
    condition     = aws_ecs_service.service.desired_count == 1 && length(aws_appautoscaling_policy.cpu_target_tracking) == 0
    error_message = "autoscaling_enabled = false should run desired_count tasks and make no scaling policy"
  }
}

run "exec_gets_its_log_group_and_the_agents_volumes" {
  command = plan

  variables {
    execute_command = true
  }

  assert {
    condition     = length(aws_cloudwatch_log_group.exec_logs) == 1 && aws_ecs_service.service.enable_execute_command
    error_message = "execute_command = true should turn ECS Exec on and log its sessions"
  }

  assert {
    condition     = [for mount in jsondecode(aws_ecs_task_definition.task.container_definitions)[0].mountPoints : mount.containerPath] == ["/managed-agents", "/var/lib/amazon/ssm", "/var/log/amazon/ssm"]
    error_message = "ECS Exec with a read-only root should mount the agent's three folders"
  }

  assert {
    condition     = jsondecode(aws_ecs_task_definition.task.container_definitions)[0].linuxParameters.initProcessEnabled
    error_message = "ECS Exec should run an init process in the container"
  }
}

run "the_container_definition_holds_the_variables" {
  command = plan

  variables {
    container_port        = 8080
    environment_variables = { LOG_LEVEL = "info" }
    secrets               = { DB_PASSWORD = "arn:aws:ssm:eu-west-1:123456789012:parameter/db-password" }
  }

  assert {
    condition     = jsondecode(aws_ecs_task_definition.task.container_definitions)[0].portMappings == [{ containerPort = 8080, hostPort = 8080, protocol = "tcp" }]
    error_message = "the container should listen on container_port"
  }

  assert {
    condition     = jsondecode(aws_ecs_task_definition.task.container_definitions)[0].image == "123456789012.dkr.ecr.eu-west-1.amazonaws.com/webapp:initial"
    error_message = "the task should run repository_url:image_tag"
  }

  assert {
    condition     = jsondecode(aws_ecs_task_definition.task.container_definitions)[0].secrets == [{ name = "DB_PASSWORD", valueFrom = "arn:aws:ssm:eu-west-1:123456789012:parameter/db-password" }]
    error_message = "secrets should be passed by reference"
  }
}

run "fargate_spot_gets_its_share" {
  command = plan

  variables {
    fargate_spot_weight = 3
  }

  assert {
    condition     = length(aws_ecs_cluster_capacity_providers.capacity_providers.default_capacity_provider_strategy) == 2
    error_message = "fargate_spot_weight above 0 should add FARGATE_SPOT to the strategy"
  }
}

run "long_names_are_shortened_for_elb" {
  command = plan

  variables {
    app         = "a-very-long-app-name"
    environment = "staging-eu-west"
  }

  assert {
    condition     = length(aws_lb.alb.name) <= 32 && length(aws_lb_target_group.green.name) <= 32
    error_message = "load balancer and target group names should fit ELB's 32 characters"
  }

  assert {
    condition     = endswith(aws_lb_target_group.green.name, "-green")
    error_message = "a shortened target group name should keep its role"
  }
}

run "memory_fargate_does_not_pair_with_the_cpu_is_refused" {
  command = plan

  variables {
    cpu    = 256
    memory = 4096
  }

  expect_failures = [var.memory]
}

run "a_test_listener_on_a_production_port_is_refused" {
  command = plan

  variables {
    test_listener_port = 80
  }

  expect_failures = [var.test_listener_port]
}

run "the_test_listener_admits_each_nat_address_as_a_slash_32_and_each_listed_block" {
  command = plan

  variables {
    nat_public_ips      = ["198.51.100.7", "198.51.100.8"]
    test_listener_cidrs = ["203.0.113.0/24"]
  }

  assert {
    condition     = [for rule in aws_vpc_security_group_ingress_rule.alb_ingress_test_nat : rule.cidr_ipv4] == ["198.51.100.7/32", "198.51.100.8/32"]
    error_message = "each NAT address should be one /32 rule on the test listener, in order"
  }

  assert {
    condition     = aws_vpc_security_group_ingress_rule.alb_ingress_test["203.0.113.0/24"].from_port == 8443
    error_message = "a listed block should be one rule on the test listener"
  }
}

run "without_nat_addresses_or_blocks_the_test_listener_admits_nobody" {
  command = plan

  assert {
    condition     = length(aws_vpc_security_group_ingress_rule.alb_ingress_test_nat) == 0 && length(aws_vpc_security_group_ingress_rule.alb_ingress_test) == 0
    error_message = "with no NAT addresses and no blocks there should be no rule on the test listener"
  }
}

run "a_test_listener_block_in_a_private_range_is_refused" {
  command = plan

  variables {
    test_listener_cidrs = ["10.20.0.0/16"]
  }

  expect_failures = [var.test_listener_cidrs]
}

run "each_egress_rule_is_one_rule_keyed_by_its_protocol_ports_and_destination" {
  command = plan

  variables {
    egress = [
      { port = 5432, cidr = "10.0.0.0/16", description = "PostgreSQL" },
      { port = 6379, to_port = 6380, security_group_id = "sg-0123456789abcdef0" },
      { port = 53, protocol = "udp", prefix_list_id = "pl-0123456789abcdef0" },
    ]
  }

  assert {
    condition = sort(keys(aws_vpc_security_group_egress_rule.service_egress)) == tolist([
    "tcp_5432_10.0.0.0/16", "tcp_6379_6380_sg-0123456789abcdef0", "udp_53_pl-0123456789abcdef0"])
    error_message = "each egress rule should be one rule, keyed by its protocol, ports and destination"
  }

  assert {
    condition = (aws_vpc_security_group_egress_rule.service_egress["tcp_6379_6380_sg-0123456789abcdef0"].to_port == 6380
    && aws_vpc_security_group_egress_rule.service_egress["tcp_6379_6380_sg-0123456789abcdef0"].cidr_ipv4 == null)
    error_message = "a rule to a security group should span its ports and name no CIDR block"
  }
}

run "an_egress_rule_without_a_destination_is_refused" {
  command = plan

  variables {
    egress = [{ port = 5432 }]
  }

  expect_failures = [var.egress]
}
