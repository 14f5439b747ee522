output "repository_arn" {
  description = "The repository's ARN."
  value       = aws_ecr_repository.repository.arn
}

output "repository_name" {
  description = "The repository's name."
  value       = aws_ecr_repository.repository.name
}

output "repository_url" {
  description = "The repository's URL, which images are pushed to and pulled from."
  value       = aws_ecr_repository.repository.repository_url
}
