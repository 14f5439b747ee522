# The repository and its lifecycle policy, planned with a mocked AWS provider: no credentials,
# nothing made.

mock_provider "aws" {}

variables {
  repository_name = "webapp"
}

run "the_lifecycle_policy_holds_the_given_numbers" {
  command = plan

  variables {
    keep_images          = 50
    untagged_expiry_days = 3
    image_tag            = "first"
  }

  assert {
    condition     = jsondecode(aws_ecr_lifecycle_policy.lifecycle_policy.policy).rules[0].selection.countNumber == 3
    error_message = "untagged images should expire after untagged_expiry_days"
  }

  assert {
    condition     = jsondecode(aws_ecr_lifecycle_policy.lifecycle_policy.policy).rules[1].selection.tagPatternList == ["first"]
    error_message = "the image tagged image_tag should be kept"
  }

  assert {
    condition     = jsondecode(aws_ecr_lifecycle_policy.lifecycle_policy.policy).rules[2].selection.countNumber == 50
    error_message = "the newest keep_images tagged images should be kept"
  }
}

run "the_defaults_keep_thirty_images_and_expire_untagged_ones_after_a_week" {
  command = plan

  assert {
    condition = [for rule in jsondecode(aws_ecr_lifecycle_policy.lifecycle_policy.policy).rules :
    rule.selection.countNumber] == [7, 1, 30]
    error_message = "the default policy should expire untagged images after 7 days and keep 30 tagged ones"
  }

  assert {
    condition     = aws_ecr_repository.repository.image_tag_mutability == "IMMUTABLE"
    error_message = "tags should be immutable"
  }
}

run "too_many_images_are_refused" {
  command = plan

  variables {
    keep_images = 1001
  }

  expect_failures = [var.keep_images]
}
