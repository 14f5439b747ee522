output "codedeploy_role_arn" {
  description = "The ARN of the role CodeDeploy shifts traffic between task sets with."
  value       = aws_iam_role.codedeploy.arn
}

output "execution_role_arn" {
  description = "The ARN of the role ECS starts the service's tasks with: it pulls the image, writes the logs and reads the secrets."
  value       = aws_iam_role.execution.arn
}

output "infra_role_arn" {
  description = "The ARN of the role GitHub Actions jobs in the environment assume to apply the infrastructure."
  value       = aws_iam_role.github_infra.arn
}

output "plan_role_arn" {
  description = "The ARN of the read-only role GitHub Actions assumes to plan pull requests."
  value       = aws_iam_role.github_plan.arn
}

output "release_role_arn" {
  description = "The ARN of the role GitHub Actions jobs in the environment assume to release the app."
  value       = aws_iam_role.github_release.arn
}

output "task_role_arn" {
  description = "The ARN of the role the application's code runs as."
  value       = aws_iam_role.task.arn
}
