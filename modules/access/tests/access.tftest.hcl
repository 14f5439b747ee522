# The roles and which statements their policies hold, planned with a mocked AWS provider: no
# credentials, no account, nothing made. The data sources the module reads are given the answers
# AWS would give; the policy documents' statements are read from their blocks, as the mock
# renders no JSON.

mock_provider "aws" {
  # OpenTofu's mock makes up the values of computed attributes at plan, and the provider checks
  # that an ARN it is given is one; Terraform leaves them unknown. Both accept these.
  mock_resource "aws_iam_role" {
    defaults = {
      arn = "arn:aws:iam::123456789012:role/webapp-test-role"
    }
  }

  mock_resource "aws_iam_openid_connect_provider" {
    defaults = {
      arn = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
    }
  }
}

override_data {
  target = data.aws_region.region
  values = {
    name = "eu-west-1"
  }
}

override_data {
  target = data.aws_partition.partition
  values = {
    partition = "aws"
  }
}

override_data {
  target = data.aws_caller_identity.caller
  values = {
    account_id = "123456789012"
  }
}

override_data {
  target = data.aws_iam_openid_connect_provider.github_lookup
  values = {
    arn = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
  }
}

override_data {
  target = data.aws_iam_policy_document.codedeploy_permissions
  values = {
    json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
  }
}

override_data {
  target = data.aws_iam_policy_document.codedeploy_trust
  values = {
    json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
  }
}

override_data {
  target = data.aws_iam_policy_document.ecs_tasks_trust
  values = {
    json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
  }
}

override_data {
  target = data.aws_iam_policy_document.execution_permissions
  values = {
    json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
  }
}

override_data {
  target = data.aws_iam_policy_document.infra_permissions
  values = {
    json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
  }
}

override_data {
  target = data.aws_iam_policy_document.infra_trust
  values = {
    json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
  }
}

override_data {
  target = data.aws_iam_policy_document.plan_permissions
  values = {
    json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
  }
}

override_data {
  target = data.aws_iam_policy_document.plan_trust
  values = {
    json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
  }
}

override_data {
  target = data.aws_iam_policy_document.release_permissions
  values = {
    json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
  }
}

override_data {
  target = data.aws_iam_policy_document.release_trust
  values = {
    json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
  }
}

override_data {
  target = data.aws_iam_policy_document.task_permissions
  values = {
    json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
  }
}

variables {
  app               = "webapp"
  environment       = "test"
  repository_arn    = "arn:aws:ecr:eu-west-1:123456789012:repository/webapp"
  repository_name   = "webapp"
  github_repository = "my-org/webapp"
  state_bucket      = "webapp-tfstate-123456789012"
}

run "every_role_is_named_after_the_app_and_environment" {
  command = plan

  assert {
    condition = [aws_iam_role.execution.name, aws_iam_role.task.name, aws_iam_role.codedeploy.name,
      aws_iam_role.github_release.name, aws_iam_role.github_infra.name, aws_iam_role.github_plan.name] == [
      "webapp-test-execution", "webapp-test-task", "webapp-test-codedeploy", "webapp-test-github-release",
    "webapp-test-github-infra", "webapp-test-github-plan"]
    error_message = "the roles should be named <app>-<environment>-<role>"
  }

  assert {
    condition     = length(aws_iam_role_policy.task_policy) == 0
    error_message = "a task role without task_policy or ECS Exec should have no policy, which IAM would refuse empty"
  }

  assert {
    condition     = length(aws_iam_openid_connect_provider.github) == 0 && length(data.aws_iam_openid_connect_provider.github_lookup) == 1
    error_message = "without create_oidc_provider the account's provider should be looked up"
  }

  assert {
    condition     = [for statement in data.aws_iam_policy_document.execution_permissions.statement : statement.sid] == ["EcrAuthorizationToken", "PullImage", "WriteLogs"]
    error_message = "without secrets the execution role should read none"
  }
}

run "secrets_are_read_from_where_they_are_kept" {
  command = plan

  variables {
    secrets = {
      DB_PASSWORD = "arn:aws:ssm:eu-west-1:123456789012:parameter/webapp/db-password"
      API_KEY     = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:webapp/api-AbCdEf:key::"
    }
  }

  assert {
    condition = {
      for statement in data.aws_iam_policy_document.execution_permissions.statement : statement.sid => statement.resources
      if contains(["ReadParameters", "ReadSecrets"], statement.sid)
      } == {
      ReadParameters = toset(["arn:aws:ssm:eu-west-1:123456789012:parameter/webapp/db-password"])
      ReadSecrets    = toset(["arn:aws:secretsmanager:eu-west-1:123456789012:secret:webapp/api-AbCdEf"])
    }
    error_message = "the parameter and the secret, without its JSON key and version, should be readable"
  }
}

run "the_task_policy_and_ecs_exec_make_the_task_roles_statements" {
  command = plan

  variables {
    task_policy = [
      { actions = ["s3:GetObject"], resources = ["arn:aws:s3:::webapp-uploads/*"] },
      { actions = ["sqs:SendMessage"], resources = ["arn:aws:sqs:eu-west-1:123456789012:jobs"] },
    ]
    execute_command = true
  }

  assert {
    condition = [for statement in data.aws_iam_policy_document.task_permissions[0].statement : statement.sid] == [
    "TaskPolicy1", "TaskPolicy2", "EcsExecChannels", "EcsExecLogGroups", "EcsExecSessionLogs"]
    error_message = "each task_policy statement, then ECS Exec's, should be granted"
  }

  assert {
    condition     = length(aws_iam_role_policy.task_policy) == 1
    error_message = "the task role should have its policy"
  }
}

run "an_admin_role_is_all_the_infra_role_may_assume" {
  command = plan

  variables {
    assume_role_arn = "arn:aws:iam::123456789012:role/platform-admin"
  }

  assert {
    condition     = [for statement in data.aws_iam_policy_document.infra_permissions.statement : statement.sid] == ["AssumeAdminRole"]
    error_message = "with assume_role_arn the infra role should only assume it"
  }
}

run "the_lock_table_is_granted_only_with_dynamodb_locking" {
  command = plan

  variables {
    state_lock           = "both"
    state_dynamodb_table = "webapp-tflock"
    vpc_endpoints        = true
  }

  assert {
    condition = [for statement in data.aws_iam_policy_document.plan_permissions.statement : statement.sid] == [
      "StateList", "StateRead", "StateKey", "StateLockFiles", "StateLockTableRead", "StateLockTableLock",
    "DenyObjectsOutsideThisState", "DenyParameterValues"]
    error_message = "the plan role should take the lock in the table as well"
  }

  assert {
    condition     = contains([for statement in data.aws_iam_policy_document.infra_permissions.statement : statement.sid], "StateLockTable")
    error_message = "the infra role should take the lock in the table"
  }

  assert {
    condition     = contains([for statement in data.aws_iam_policy_document.infra_permissions.statement : statement.sid], "EndpointDns")
    error_message = "with vpc_endpoints the infra role should associate the endpoints' private DNS"
  }
}

run "dynamodb_locking_without_a_table_is_refused" {
  command = plan

  variables {
    state_lock = "dynamodb"
  }

  expect_failures = [var.state_dynamodb_table]
}

run "a_task_policy_on_every_resource_is_refused" {
  command = plan

  variables {
    task_policy = [{ actions = ["s3:GetObject"], resources = ["*"] }]
  }

  expect_failures = [var.task_policy]
}
