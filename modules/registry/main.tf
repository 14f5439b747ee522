resource "aws_ecr_lifecycle_policy" "lifecycle_policy" {
  policy     = "{\"rules\":[{\"rulePriority\":1,\"description\":\"Expire untagged images after ${var.untagged_expiry_days} days\",\"selection\":{\"tagStatus\":\"untagged\",\"countType\":\"sinceImagePushed\",\"countUnit\":\"days\",\"countNumber\":${var.untagged_expiry_days}},\"action\":{\"type\":\"expire\"}},{\"rulePriority\":2,\"description\":\"Keep the image tagged ${var.image_tag}, which a new service starts on\",\"selection\":{\"tagStatus\":\"tagged\",\"tagPatternList\":[\"${var.image_tag}\"],\"countType\":\"imageCountMoreThan\",\"countNumber\":1},\"action\":{\"type\":\"expire\"}},{\"rulePriority\":3,\"description\":\"Keep the newest ${var.keep_images} tagged images\",\"selection\":{\"tagStatus\":\"tagged\",\"tagPatternList\":[\"*\"],\"countType\":\"imageCountMoreThan\",\"countNumber\":${var.keep_images}},\"action\":{\"type\":\"expire\"}}]}"
  repository = aws_ecr_repository.repository.name
}

resource "aws_ecr_repository" "repository" {
  force_delete         = false
  image_tag_mutability = "IMMUTABLE"
  name                 = var.repository_name

  encryption_configuration {
    encryption_type = "KMS"
  }

  image_scanning_configuration {
    scan_on_push = true
  }
}
