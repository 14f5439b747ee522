# The wiring of the modules, planned with a mocked AWS provider: no credentials, nothing made. The
# data sources the modules read are given the answers AWS would give, as each module's own tests
# give them.

mock_provider "aws" {
  # The modules check the ARNs they are given, as does the provider: the mock's are ARNs too.
  mock_resource "aws_ecr_repository" {
    defaults = {
      arn = "arn:aws:ecr:eu-west-1:123456789012:repository/webapp"
    }
  }

  mock_resource "aws_lb_listener" {
    defaults = {
      arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/webapp-test/50dc6c495c0c9188/f2f7dc8efc522ab2"
    }
  }

  mock_resource "aws_iam_role" {
    defaults = {
      arn = "arn:aws:iam::123456789012:role/webapp-test-flow-logs"
    }
  }

  mock_resource "aws_cloudwatch_log_group" {
    defaults = {
      arn = "arn:aws:logs:eu-west-1:123456789012:log-group:/vpc/webapp-test/flow-logs"
    }
  }

  mock_resource "aws_iam_openid_connect_provider" {
    defaults = {
      arn = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
    }
  }

  # The test listener admits the NAT gateway's address as a /32: the mock's is an address too.
  mock_resource "aws_nat_gateway" {
    defaults = {
      public_ip = "198.51.100.10"
    }
  }

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
  target = module.network.data.aws_availability_zones.zones
  values = {
    names = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
  }
}

override_data {
  target = module.network.data.aws_region.region
  values = {
    name = "eu-west-1"
  }
}

override_data {
  target = module.network.data.aws_partition.partition
  values = {
    partition = "aws"
  }
}

override_data {
  target = module.network.data.aws_caller_identity.account
  values = {
    account_id = "123456789012"
  }
}

override_data {
  target = module.network.data.aws_iam_policy_document.flow_logs_trust
  values = {
    json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
  }
}

override_data {
  target = module.network.data.aws_iam_policy_document.flow_logs_write
  values = {
    json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
  }
}

override_data {
  target = module.access.data.aws_region.region
  values = {
    name = "eu-west-1"
  }
}

override_data {
  target = module.access.data.aws_partition.partition
  values = {
    partition = "aws"
  }
}

override_data {
  target = module.access.data.aws_caller_identity.caller
  values = {
    account_id = "123456789012"
  }
}

override_data {
  target = module.access.data.aws_iam_openid_connect_provider.github_lookup
  values = {
    arn = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
  }
}

override_data {
  target = module.access.data.aws_iam_policy_document.codedeploy_permissions
  values = {
    json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
  }
}

override_data {
  target = module.access.data.aws_iam_policy_document.codedeploy_trust
  values = {
    json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
  }
}

override_data {
  target = module.access.data.aws_iam_policy_document.ecs_tasks_trust
  values = {
    json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
  }
}

override_data {
  target = module.access.data.aws_iam_policy_document.execution_permissions
  values = {
    json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
  }
}

override_data {
  target = module.access.data.aws_iam_policy_document.infra_permissions
  values = {
    json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
  }
}

override_data {
  target = module.access.data.aws_iam_policy_document.infra_trust
  values = {
    json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
  }
}

override_data {
  target = module.access.data.aws_iam_policy_document.plan_permissions
  values = {
    json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
  }
}

override_data {
  target = module.access.data.aws_iam_policy_document.plan_trust
  values = {
    json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
  }
}

override_data {
  target = module.access.data.aws_iam_policy_document.release_permissions
  values = {
    json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
  }
}

override_data {
  target = module.access.data.aws_iam_policy_document.release_trust
  values = {
    json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
  }
}

override_data {
  target = module.access.data.aws_iam_policy_document.task_permissions
  values = {
    json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
  }
}

override_data {
  target = module.ecs_service.data.aws_region.region
  values = {
    name = "eu-west-1"
  }
}

variables {
  app               = "webapp"
  environment       = "test"
  github_repository = "my-org/webapp"
  state_bucket      = "webapp-tfstate-123456789012"
}

run "every_module_names_its_resources_after_app_and_environment" {
  command = apply

  assert {
    condition     = output.cluster_name == "webapp-test" && output.service_name == "webapp-test"
    error_message = "the cluster and the service should be named <app>-<environment>"
  }

  assert {
    condition     = output.application_name == "webapp-test" && output.deployment_group_name == "webapp-test"
    error_message = "the CodeDeploy application and group should be named <app>-<environment>"
  }

  assert {
    condition     = output.blue_target_group_name == "webapp-test-blue" && output.green_target_group_name == "webapp-test-green"
    error_message = "the target groups CodeDeploy swaps should be the service's"
  }
}

run "the_repository_is_named_after_the_app_unless_named" {
  command = apply

  assert {
    condition     = output.repository_name == "webapp"
    error_message = "repository_name null should take the app, as in an environment file"
  }
}

run "a_named_repository_keeps_its_name" {
  command = apply

  variables {
    repository_name = "shop/webapp"
  }

  assert {
    condition     = output.repository_name == "shop/webapp"
    error_message = "a given repository_name should be the repository's name"
  }
}

run "the_strategy_reaches_the_deployment_group" {
  command = apply

  variables {
    strategy = "all-at-once"
  }

  assert {
    condition     = output.deployment_config_name == "CodeDeployDefault.ECSAllAtOnce"
    error_message = "strategy all-at-once should use CodeDeploy's own configuration"
  }
}
