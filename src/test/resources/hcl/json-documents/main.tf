resource "aws_iam_role" "deploy" {
  name = "deploy"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Federated = aws_iam_openid_connect_provider.github.arn
        }
        Action = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringLike = {
            "token.actions.githubusercontent.com:sub" = "repo:${var.repository}:*"
          }
          StringEquals = {
            "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
          }
        }
      },
    ]
  })
  description = "{\"not\": \"a policy attribute\"}"
}

resource "aws_iam_role_policy" "read" {
  name = "read"
  role = aws_iam_role.deploy.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "Read"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:ListBucket"]
        Resource = [var.bucket_arn, "${var.bucket_arn}/*"]
      },
    ]
  })
}

resource "aws_iam_role_policy" "computed" {
  name   = "computed"
  role   = aws_iam_role.deploy.id
  policy = "{\"Version\":\"2012-10-17\",\"Statement\":${jsonencode(var.statements)}}"
}

resource "aws_iam_role_policy" "from_document" {
  name   = "from_document"
  role   = aws_iam_role.deploy.id
  policy = data.aws_iam_policy_document.read.json
}
