resource "aws_security_group" "this" {
  name        = "web"
  description = "Says \"hello\" to C:\\ and tabs\there"
  vpc_id      = var.vpc_id
  ingress = [
    {
      from_port        = 443
      to_port          = 443
      protocol         = "tcp"
      cidr_blocks      = ["0.0.0.0/0"]
      description      = "HTTPS"
      ipv6_cidr_blocks = []
      prefix_list_ids  = []
      security_groups  = []
      self             = false
    },
    {
      from_port        = 80
      to_port          = 80
      protocol         = "tcp"
      cidr_blocks      = ["10.0.0.0/16"]
      description      = "HTTP"
      ipv6_cidr_blocks = []
      prefix_list_ids  = []
      security_groups  = []
      self             = false
    },
  ]
  egress = []
  tags = {
    Name        = "web"
    "aws:owner" = "platform"
    "for"       = "reserved word"
    team-name   = "ops"
  }
}
