locals {
  blue_target_group_name  = length("${var.app}-${var.environment}-blue") <= 32 ? "${var.app}-${var.environment}-blue" : "${replace(substr("${var.app}-${var.environment}", 0, 20), "/-+$/", "")}-${substr(sha256("${var.app}-${var.environment}-blue"), 0, 6)}-blue"
  green_target_group_name = length("${var.app}-${var.environment}-green") <= 32 ? "${var.app}-${var.environment}-green" : "${replace(substr("${var.app}-${var.environment}", 0, 19), "/-+$/", "")}-${substr(sha256("${var.app}-${var.environment}-green"), 0, 6)}-green"
  load_balancer_name      = length("${var.app}-${var.environment}") <= 32 ? "${var.app}-${var.environment}" : "${replace(substr("${var.app}-${var.environment}", 0, 25), "/-+$/", "")}-${substr(sha256("${var.app}-${var.environment}"), 0, 6)}"
  parameter_arns          = sort(distinct([for arn in values(var.secrets) : arn if split(":", arn)[2] == "ssm"]))
  secret_arns             = sort(distinct([for arn in values(var.secrets) : join(":", slice(split(":", arn), 0, min(7, length(split(":", arn))))) if !(split(":", arn)[2] == "ssm")]))
  state_region            = var.state_region != "" ? var.state_region : data.aws_region.region.name
}

data "aws_caller_identity" "caller" {
}

data "aws_iam_openid_connect_provider" "github_lookup" {
  count = !(var.create_oidc_provider) ? 1 : 0

  url = "https://token.actions.githubusercontent.com"
}

data "aws_iam_policy_document" "codedeploy_permissions" {
  statement {
    actions   = ["iam:PassRole"]
    effect    = "Allow"
    resources = [aws_iam_role.execution.arn, aws_iam_role.task.arn]
    sid       = "PassTaskRoles"

    condition {
      test     = "StringEquals"
      values   = ["ecs-tasks.amazonaws.com"]
      variable = "iam:PassedToService"
    }
  }
}

data "aws_iam_policy_document" "codedeploy_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    effect  = "Allow"
    sid     = "AssumedByCodedeploy"

    condition {
      test     = "StringEquals"
      values   = [data.aws_caller_identity.caller.account_id]
      variable = "aws:SourceAccount"
    }

    condition {
      test = "ArnLike"
      values = [
        "arn:${data.aws_partition.partition.partition}:codedeploy:${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:deploymentgroup:${var.app}-${var.environment}/${var.app}-${var.environment}",
      ]
      variable = "aws:SourceArn"
    }

    principals {
      identifiers = ["codedeploy.amazonaws.com"]
      type        = "Service"
    }
  }
}

data "aws_iam_policy_document" "ecs_tasks_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    effect  = "Allow"
    sid     = "AssumedByEcsTasks"

    condition {
      test     = "StringEquals"
      values   = [data.aws_caller_identity.caller.account_id]
      variable = "aws:SourceAccount"
    }

    principals {
      identifiers = ["ecs-tasks.amazonaws.com"]
      type        = "Service"
    }
  }
}

data "aws_iam_policy_document" "execution_permissions" {
  dynamic "statement" {
    for_each = [1]

    content {
      actions   = ["ecr:GetAuthorizationToken"]
      effect    = "Allow"
      resources = ["*"]
      sid       = "EcrAuthorizationToken"
    }
  }

  dynamic "statement" {
    for_each = [1]

    content {
      actions = [
        "ecr:BatchCheckLayerAvailability",
        "ecr:BatchGetImage",
        "ecr:GetDownloadUrlForLayer",
      ]
      effect    = "Allow"
      resources = [var.repository_arn]
      sid       = "PullImage"
    }
  }

  dynamic "statement" {
    for_each = [1]

    content {
      actions = ["logs:CreateLogStream", "logs:PutLogEvents"]
      effect  = "Allow"
      resources = [
        "arn:${data.aws_partition.partition.partition}:logs:${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:log-group:/ecs/${var.app}-${var.environment}:*",
      ]
      sid = "WriteLogs"
    }
  }

  dynamic "statement" {
    for_each = length(local.parameter_arns) > 0 ? [1] : []

    content {
      actions   = ["ssm:GetParameters"]
      effect    = "Allow"
      resources = local.parameter_arns
      sid       = "ReadParameters"
    }
  }

  dynamic "statement" {
    for_each = length(local.secret_arns) > 0 ? [1] : []

    content {
      actions   = ["secretsmanager:GetSecretValue"]
      effect    = "Allow"
      resources = local.secret_arns
      sid       = "ReadSecrets"
    }
  }
}

data "aws_iam_policy_document" "infra_permissions" {
  dynamic "statement" {
    for_each = var.assume_role_arn != "" ? [1] : []

    content {
      actions   = ["sts:AssumeRole"]
      effect    = "Allow"
      resources = [var.assume_role_arn]
      sid       = "AssumeAdminRole"
    }
  }

  dynamic "statement" {
    for_each = !(var.assume_role_arn != "") ? [1] : []

    content {
      actions   = sort(distinct(concat(["cloudwatch:DescribeAlarms", "ec2:Describe*", "ecs:DescribeTaskDefinition", "elasticloadbalancing:Describe*", "kms:ListAliases", "logs:DescribeLogGroups"], var.autoscaling ? ["application-autoscaling:Describe*"] : [], !(var.create_oidc_provider) ? ["iam:ListOpenIDConnectProviders"] : [], var.waf == "managed" ? ["logs:DescribeResourcePolicies"] : [])))
      effect    = "Allow"
      resources = ["*"]
      sid       = "ReadAnywhere"
    }
  }

  dynamic "statement" {
    for_each = !(var.assume_role_arn != "") ? [1] : []

    content {
      actions   = ["s3:ListBucket"]
      effect    = "Allow"
      resources = ["arn:${data.aws_partition.partition.partition}:s3:::${var.state_bucket}"]
      sid       = "StateList"

      condition {
        test     = "StringLike"
        values   = ["${var.app}/${var.environment}/*"]
        variable = "s3:prefix"
      }
    }
  }

  dynamic "statement" {
    for_each = !(var.assume_role_arn != "") ? [1] : []

    content {
      actions = ["s3:DeleteObject", "s3:GetObject", "s3:PutObject"]
      effect  = "Allow"
      resources = [
        "arn:${data.aws_partition.partition.partition}:s3:::${var.state_bucket}/${var.app}/${var.environment}/*",
      ]
      sid = "StateObjects"
    }
  }

  dynamic "statement" {
    for_each = !(var.assume_role_arn != "") ? [1] : []

    content {
      actions = ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey"]
      effect  = "Allow"
      resources = [
        "arn:${data.aws_partition.partition.partition}:kms:${local.state_region}:${data.aws_caller_identity.caller.account_id}:key/*",
      ]
      sid = "StateKey"

      condition {
        test     = "ForAnyValue:StringEquals"
        values   = ["alias/${var.app}-${var.environment}-state"]
        variable = "kms:ResourceAliases"
      }
    }
  }

  dynamic "statement" {
    for_each = (var.state_lock != "lockfile" && !(var.assume_role_arn != "")) ? [1] : []

    content {
      actions = ["dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem"]
      effect  = "Allow"
      resources = [
        "arn:${data.aws_partition.partition.partition}:dynamodb:${local.state_region}:${data.aws_caller_identity.caller.account_id}:table/${var.state_dynamodb_table}",
      ]
      sid = "StateLockTable"

      condition {
        test     = "ForAllValues:StringLike"
        values   = ["${var.state_bucket}/${var.app}/${var.environment}/*"]
        variable = "dynamodb:LeadingKeys"
      }
    }
  }

  dynamic "statement" {
    for_each = !(var.assume_role_arn != "") ? [1] : []

    content {
      actions = sort(distinct(concat(["ec2:AuthorizeSecurityGroupEgress", "ec2:AuthorizeSecurityGroupIngress", "ec2:CreateInternetGateway", "ec2:CreateRouteTable", "ec2:CreateSecurityGroup", "ec2:CreateSubnet", "ec2:CreateVpc"], var.nat_gateways != "none" ? ["ec2:AllocateAddress", "ec2:CreateNatGateway"] : [], var.flow_logs ? ["ec2:CreateFlowLogs"] : [], var.vpc_endpoints ? ["ec2:CreateVpcEndpoint"] : [])))
      effect  = "Allow"
      resources = [
        "arn:${data.aws_partition.partition.partition}:ec2:${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:*",
      ]
      sid = "Ec2CreateTagged"

      condition {
        test     = "StringEquals"
        values   = [var.app]
        variable = "aws:RequestTag/app"
      }

      condition {
        test     = "StringEquals"
        values   = [var.environment]
        variable = "aws:RequestTag/environment"
      }
    }
  }

  dynamic "statement" {
    for_each = !(var.assume_role_arn != "") ? [1] : []

    content {
      actions = ["ec2:CreateTags"]
      effect  = "Allow"
      resources = [
        "arn:${data.aws_partition.partition.partition}:ec2:${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:*",
      ]
      sid = "Ec2TagOnCreate"

      condition {
        test     = "StringLike"
        values   = sort(distinct(concat(["Authorize*", "Create*"], var.nat_gateways != "none" ? ["Allocate*"] : [])))
        variable = "ec2:CreateAction"
      }
    }
  }

  dynamic "statement" {
    for_each = !(var.assume_role_arn != "") ? [1] : []

    content {
      actions = sort(distinct(concat(["ec2:AssociateRouteTable", "ec2:AttachInternetGateway", "ec2:AuthorizeSecurityGroupEgress", "ec2:AuthorizeSecurityGroupIngress", "ec2:CreateRoute", "ec2:CreateRouteTable", "ec2:CreateSecurityGroup", "ec2:CreateSubnet", "ec2:CreateTags", "ec2:DeleteInternetGateway", "ec2:DeleteRoute", "ec2:DeleteRouteTable", "ec2:DeleteSecurityGroup", "ec2:DeleteSubnet", "ec2:DeleteTags", "ec2:DeleteVpc", "ec2:DetachInternetGateway", "ec2:DisassociateRouteTable", "ec2:ModifySecurityGroupRules", "ec2:ModifySubnetAttribute", "ec2:ModifyVpcAttribute", "ec2:ReplaceRoute", "ec2:ReplaceRouteTableAssociation", "ec2:RevokeSecurityGroupEgress", "ec2:RevokeSecurityGroupIngress", "ec2:UpdateSecurityGroupRuleDescriptionsEgress", "ec2:UpdateSecurityGroupRuleDescriptionsIngress"], var.nat_gateways != "none" ? ["ec2:CreateNatGateway", "ec2:DeleteNatGateway", "ec2:DisassociateAddress", "ec2:ReleaseAddress"] : [], var.flow_logs ? ["ec2:CreateFlowLogs", "ec2:DeleteFlowLogs"] : [], var.vpc_endpoints ? ["ec2:CreateVpcEndpoint", "ec2:DeleteVpcEndpoints", "ec2:ModifyVpcEndpoint"] : [])))
      effect  = "Allow"
      resources = [
        "arn:${data.aws_partition.partition.partition}:ec2:${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:*",
      ]
      sid = "Ec2OwnTagged"

      condition {
        test     = "StringEquals"
        values   = [var.app]
        variable = "aws:ResourceTag/app"
      }

      condition {
        test     = "StringEquals"
        values   = [var.environment]
        variable = "aws:ResourceTag/environment"
      }
    }
  }

  dynamic "statement" {
    for_each = !(var.assume_role_arn != "") ? [1] : []

    content {
      actions = ["ec2:CreateTags"]
      effect  = "Allow"
      resources = [
        "arn:${data.aws_partition.partition.partition}:ec2:${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:security-group/*",
      ]
      sid = "Ec2AdoptDefaultSg"

      condition {
        test     = "StringEquals"
        values   = [var.app]
        variable = "aws:RequestTag/app"
      }

      condition {
        test     = "StringEquals"
        values   = [var.environment]
        variable = "aws:RequestTag/environment"
      }

      condition {
        test     = "Null"
        values   = ["true"]
        variable = "aws:ResourceTag/environment"
      }
    }
  }

  dynamic "statement" {
    for_each = (var.vpc_endpoints && !(var.assume_role_arn != "")) ? [1] : []

    content {
      actions   = sort(distinct(var.vpc_endpoints ? ["route53:AssociateVPCWithHostedZone"] : []))
      effect    = "Allow"
      resources = ["arn:${data.aws_partition.partition.partition}:route53:::hostedzone/*"]
      sid       = "EndpointDns"
    }
  }

  dynamic "statement" {
    for_each = !(var.assume_role_arn != "") ? [1] : []

    content {
      actions = ["iam:AttachRolePolicy", "iam:DetachRolePolicy"]
      effect  = "Allow"
      resources = [
        "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller.account_id}:role/${var.app}-${var.environment}-*",
      ]
      sid = "ManagedPolicies"

      condition {
        test = "ArnEquals"
        values = [
          "arn:${data.aws_partition.partition.partition}:iam::aws:policy/AWSCodeDeployRoleForECSLimited",
          "arn:${data.aws_partition.partition.partition}:iam::aws:policy/ReadOnlyAccess",
        ]
        variable = "iam:PolicyARN"
      }
    }
  }

  dynamic "statement" {
    for_each = !(var.assume_role_arn != "") ? [1] : []

    content {
      actions = ["iam:PassRole"]
      effect  = "Allow"
      resources = [
        "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller.account_id}:role/${var.app}-${var.environment}-execution",
        "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller.account_id}:role/${var.app}-${var.environment}-task",
      ]
      sid = "PassToEcsTasks"

      condition {
        test     = "StringEquals"
        values   = ["ecs-tasks.amazonaws.com"]
        variable = "iam:PassedToService"
      }
    }
  }

  dynamic "statement" {
    for_each = !(var.assume_role_arn != "") ? [1] : []

    content {
      actions = ["iam:PassRole"]
      effect  = "Allow"
      resources = [
        "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller.account_id}:role/${var.app}-${var.environment}-codedeploy",
      ]
      sid = "PassToCodedeploy"

      condition {
        test     = "StringEquals"
        values   = ["codedeploy.amazonaws.com"]
        variable = "iam:PassedToService"
      }
    }
  }

  dynamic "statement" {
    for_each = (var.flow_logs && !(var.assume_role_arn != "")) ? [1] : []

    content {
      actions = sort(distinct(var.flow_logs ? ["iam:PassRole"] : []))
      effect  = "Allow"
      resources = [
        "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller.account_id}:role/${var.app}-${var.environment}-vpc-flow-logs",
      ]
      sid = "PassToFlowLogs"

      condition {
        test     = "StringEquals"
        values   = ["vpc-flow-logs.amazonaws.com"]
        variable = "iam:PassedToService"
      }
    }
  }

  dynamic "statement" {
    for_each = !(var.assume_role_arn != "") ? [1] : []

    content {
      actions = ["iam:CreateServiceLinkedRole"]
      effect  = "Allow"
      resources = [
        "arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller.account_id}:role/aws-service-role/*",
      ]
      sid = "ServiceLinkedRoles"

      condition {
        test = "StringEquals"
        values = [
          "ecs.amazonaws.com",
          "elasticloadbalancing.amazonaws.com",
          "ecs.application-autoscaling.amazonaws.com",
        ]
        variable = "iam:AWSServiceName"
      }
    }
  }

  dynamic "statement" {
    for_each = (var.waf == "managed" && !(var.assume_role_arn != "")) ? [1] : []

    content {
      actions   = sort(distinct(var.waf == "managed" ? ["logs:CreateLogDelivery", "logs:DeleteLogDelivery", "logs:PutResourcePolicy"] : []))
      effect    = "Allow"
      resources = ["*"]
      sid       = "LogDelivery"
    }
  }

  dynamic "statement" {
    for_each = !(var.assume_role_arn != "") ? [1] : []

    content {
      actions   = sort(distinct(concat(["cloudwatch:DeleteAlarms", "cloudwatch:List*", "cloudwatch:PutMetricAlarm", "cloudwatch:TagResource", "cloudwatch:UntagResource", "codedeploy:CreateApplication", "codedeploy:CreateDeploymentGroup", "codedeploy:DeleteApplication", "codedeploy:DeleteDeploymentGroup", "codedeploy:Get*", "codedeploy:List*", "codedeploy:TagResource", "codedeploy:UntagResource", "codedeploy:UpdateApplication", "codedeploy:UpdateDeploymentGroup", "ecr:CreateRepository", "ecr:DeleteLifecyclePolicy", "ecr:DeleteRepository", "ecr:Describe*", "ecr:Get*", "ecr:List*", "ecr:PutImageScanningConfiguration", "ecr:PutImageTagMutability", "ecr:PutLifecyclePolicy", "ecr:TagResource", "ecr:UntagResource", "ecs:CreateCluster", "ecs:CreateService", "ecs:DeleteCluster", "ecs:DeleteService", "ecs:Describe*", "ecs:List*", "ecs:PutClusterCapacityProviders", "ecs:RegisterTaskDefinition", "ecs:TagResource", "ecs:UntagResource", "ecs:UpdateCluster", "ecs:UpdateClusterSettings", "ecs:UpdateService", "elasticloadbalancing:AddTags", "elasticloadbalancing:CreateListener", "elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:CreateTargetGroup", "elasticloadbalancing:DeleteListener", "elasticloadbalancing:DeleteLoadBalancer", "elasticloadbalancing:DeleteTargetGroup", "elasticloadbalancing:ModifyListener", "elasticloadbalancing:ModifyLoadBalancerAttributes", "elasticloadbalancing:ModifyTargetGroup", "elasticloadbalancing:ModifyTargetGroupAttributes", "elasticloadbalancing:RemoveTags", "elasticloadbalancing:SetSecurityGroups", "elasticloadbalancing:SetSubnets", "iam:CreateRole", "iam:DeleteRole", "iam:DeleteRolePolicy", "iam:Get*", "iam:List*", "iam:PutRolePolicy", "iam:TagRole", "iam:UntagRole", "iam:UpdateAssumeRolePolicy", "iam:UpdateRole", "iam:UpdateRoleDescription", "logs:AssociateKmsKey", "logs:CreateLogGroup", "logs:DeleteLogGroup", "logs:DeleteRetentionPolicy", "logs:DisassociateKmsKey", "logs:List*", "logs:PutRetentionPolicy", "logs:TagLogGroup", "logs:TagResource", "logs:UntagLogGroup", "logs:UntagResource"], var.create_oidc_provider ? ["iam:AddClientIDToOpenIDConnectProvider", "iam:CreateOpenIDConnectProvider", "iam:DeleteOpenIDConnectProvider", "iam:RemoveClientIDFromOpenIDConnectProvider", "iam:TagOpenIDConnectProvider", "iam:UntagOpenIDConnectProvider", "iam:UpdateOpenIDConnectProviderThumbprint"] : [], var.waf_web_acl_arn != "" || var.waf == "managed" ? ["elasticloadbalancing:SetWebACL"] : [], var.waf_web_acl_arn != "" || var.waf == "managed" ? ["wafv2:AssociateWebACL", "wafv2:DisassociateWebACL", "wafv2:Get*"] : [], var.waf == "managed" ? ["wafv2:CreateWebACL", "wafv2:DeleteLoggingConfiguration", "wafv2:DeleteWebACL", "wafv2:Get*", "wafv2:List*", "wafv2:PutLoggingConfiguration", "wafv2:TagResource", "wafv2:UntagResource", "wafv2:UpdateWebACL"] : [], var.autoscaling ? ["application-autoscaling:DeleteScalingPolicy", "application-autoscaling:DeregisterScalableTarget", "application-autoscaling:List*", "application-autoscaling:PutScalingPolicy", "application-autoscaling:RegisterScalableTarget", "application-autoscaling:TagResource", "application-autoscaling:UntagResource"] : [], var.deployment_strategy != "all-at-once" ? ["codedeploy:CreateDeploymentConfig", "codedeploy:DeleteDeploymentConfig"] : [])))
      effect    = "Allow"
      resources = concat(["arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller.account_id}:role/${var.app}-${var.environment}-*"], ["arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.caller.account_id}:oidc-provider/token.actions.githubusercontent.com"], ["arn:${data.aws_partition.partition.partition}:logs:${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:log-group:/ecs/${var.app}-${var.environment}", "arn:${data.aws_partition.partition.partition}:logs:${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:log-group:/ecs/${var.app}-${var.environment}:*", "arn:${data.aws_partition.partition.partition}:logs:${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:log-group:/ecs/${var.app}-${var.environment}/*"], var.flow_logs ? ["arn:${data.aws_partition.partition.partition}:logs:${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:log-group:/vpc/${var.app}-${var.environment}/flow-logs*"] : [], var.waf == "managed" ? ["arn:${data.aws_partition.partition.partition}:logs:${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:log-group:aws-waf-logs-${var.app}-${var.environment}*"] : [], ["arn:${data.aws_partition.partition.partition}:ecr:${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:repository/${var.repository_name}"], ["arn:${data.aws_partition.partition.partition}:ecs:${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:cluster/${var.app}-${var.environment}", "arn:${data.aws_partition.partition.partition}:ecs:${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:service/${var.app}-${var.environment}/${var.app}-${var.environment}", "arn:${data.aws_partition.partition.partition}:ecs:${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:task-definition/${var.app}-${var.environment}:*"], ["arn:${data.aws_partition.partition.partition}:elasticloadbalancing:${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:loadbalancer/app/${local.load_balancer_name}/*", "arn:${data.aws_partition.partition.partition}:elasticloadbalancing:${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:listener/app/${local.load_balancer_name}/*", "arn:${data.aws_partition.partition.partition}:elasticloadbalancing:${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:listener-rule/app/${local.load_balancer_name}/*", "arn:${data.aws_partition.partition.partition}:elasticloadbalancing:${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:targetgroup/${local.blue_target_group_name}/*", "arn:${data.aws_partition.partition.partition}:elasticloadbalancing:${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:targetgroup/${local.green_target_group_name}/*"], ((var.waf_web_acl_arn != "" || var.waf == "managed" || var.waf == "managed") && !(var.waf == "managed")) ? ["${var.waf_web_acl_arn}"] : [], ((var.waf_web_acl_arn != "" || var.waf == "managed" || var.waf == "managed") && var.waf == "managed") ? ["arn:${data.aws_partition.partition.partition}:wafv2:${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:regional/webacl/${var.app}-${var.environment}/*"] : [], var.autoscaling ? ["arn:${data.aws_partition.partition.partition}:application-autoscaling:${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:scalable-target/*"] : [], ["arn:${data.aws_partition.partition.partition}:codedeploy:${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:application:${var.app}-${var.environment}", "arn:${data.aws_partition.partition.partition}:codedeploy:${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:deploymentgroup:${var.app}-${var.environment}/${var.app}-${var.environment}"], !(var.deployment_strategy != "all-at-once") ? ["arn:${data.aws_partition.partition.partition}:codedeploy:${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:deploymentconfig:CodeDeployDefault.ECSAllAtOnce"] : [], var.deployment_strategy != "all-at-once" ? ["arn:${data.aws_partition.partition.partition}:codedeploy:${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:deploymentconfig:${var.app}-${var.environment}-*"] : [], ["arn:${data.aws_partition.partition.partition}:cloudwatch:${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:alarm:${var.app}-${var.environment}-*", "arn:${data.aws_partition.partition.partition}:cloudwatch:${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:alarm:TargetTracking-service/${var.app}-${var.environment}/${var.app}-${var.environment}-*"])
      sid       = "NamedResources"
    }
  }
}

data "aws_iam_policy_document" "infra_trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    effect  = "Allow"
    sid     = "AssumedByGithubActions"

    condition {
      test     = "StringEquals"
      values   = ["sts.amazonaws.com"]
      variable = "token.actions.githubusercontent.com:aud"
    }

    condition {
      test     = "StringEquals"
      values   = ["repo:${var.github_repository}:environment:${var.environment}"]
      variable = "token.actions.githubusercontent.com:sub"
    }

    principals {
      identifiers = [
        var.create_oidc_provider ? aws_iam_openid_connect_provider.github[0].arn : data.aws_iam_openid_connect_provider.github_lookup[0].arn,
      ]
      type = "Federated"
    }
  }
}

data "aws_iam_policy_document" "plan_permissions" {
  dynamic "statement" {
    for_each = [1]

    content {
      actions   = ["s3:ListBucket"]
      effect    = "Allow"
      resources = ["arn:${data.aws_partition.partition.partition}:s3:::${var.state_bucket}"]
      sid       = "StateList"

      condition {
        test     = "StringLike"
        values   = ["${var.app}/${var.environment}/*"]
        variable = "s3:prefix"
      }
    }
  }

  dynamic "statement" {
    for_each = [1]

    content {
      actions = ["s3:GetObject"]
      effect  = "Allow"
      resources = [
        "arn:${data.aws_partition.partition.partition}:s3:::${var.state_bucket}/${var.app}/${var.environment}/*",
      ]
      sid = "StateRead"
    }
  }

  dynamic "statement" {
    for_each = [1]

    content {
      actions = ["kms:Decrypt", "kms:GenerateDataKey"]
      effect  = "Allow"
      resources = [
        "arn:${data.aws_partition.partition.partition}:kms:${local.state_region}:${data.aws_caller_identity.caller.account_id}:key/*",
      ]
      sid = "StateKey"

      condition {
        test     = "ForAnyValue:StringEquals"
        values   = ["alias/${var.app}-${var.environment}-state"]
        variable = "kms:ResourceAliases"
      }
    }
  }

  dynamic "statement" {
    for_each = [1]

    content {
      actions = ["s3:DeleteObject", "s3:PutObject"]
      effect  = "Allow"
      resources = [
        "arn:${data.aws_partition.partition.partition}:s3:::${var.state_bucket}/${var.app}/${var.environment}/*.tflock",
      ]
      sid = "StateLockFiles"
    }
  }

  dynamic "statement" {
    for_each = var.state_lock != "lockfile" ? [1] : []

    content {
      actions = ["dynamodb:GetItem"]
      effect  = "Allow"
      resources = [
        "arn:${data.aws_partition.partition.partition}:dynamodb:${local.state_region}:${data.aws_caller_identity.caller.account_id}:table/${var.state_dynamodb_table}",
      ]
      sid = "StateLockTableRead"

      condition {
        test     = "ForAllValues:StringLike"
        values   = ["${var.state_bucket}/${var.app}/${var.environment}/*"]
        variable = "dynamodb:LeadingKeys"
      }
    }
  }

  dynamic "statement" {
    for_each = var.state_lock != "lockfile" ? [1] : []

    content {
      actions = ["dynamodb:DeleteItem", "dynamodb:PutItem"]
      effect  = "Allow"
      resources = [
        "arn:${data.aws_partition.partition.partition}:dynamodb:${local.state_region}:${data.aws_caller_identity.caller.account_id}:table/${var.state_dynamodb_table}",
      ]
      sid = "StateLockTableLock"

      condition {
        test     = "ForAllValues:StringLike"
        values   = ["${var.state_bucket}/${var.app}/${var.environment}/*.tfstate"]
        variable = "dynamodb:LeadingKeys"
      }
    }
  }

  dynamic "statement" {
    for_each = [1]

    content {
      actions = ["s3:GetObject", "s3:GetObjectVersion"]
      effect  = "Deny"
      not_resources = [
        "arn:${data.aws_partition.partition.partition}:s3:::${var.state_bucket}/${var.app}/${var.environment}/*",
      ]
      sid = "DenyObjectsOutsideThisState"
    }
  }

  dynamic "statement" {
    for_each = [1]

    content {
      actions = [
        "ssm:GetParameter",
        "ssm:GetParameterHistory",
        "ssm:GetParameters",
        "ssm:GetParametersByPath",
      ]
      effect = "Deny"
      resources = [
        "arn:${data.aws_partition.partition.partition}:ssm:*:${data.aws_caller_identity.caller.account_id}:parameter/*",
      ]
      sid = "DenyParameterValues"
    }
  }
}

data "aws_iam_policy_document" "plan_trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    effect  = "Allow"
    sid     = "AssumedByGithubActions"

    condition {
      test     = "StringEquals"
      values   = ["sts.amazonaws.com"]
      variable = "token.actions.githubusercontent.com:aud"
    }

    condition {
      test     = "StringEquals"
      values   = ["repo:${var.github_repository}:pull_request"]
      variable = "token.actions.githubusercontent.com:sub"
    }

    principals {
      identifiers = [
        var.create_oidc_provider ? aws_iam_openid_connect_provider.github[0].arn : data.aws_iam_openid_connect_provider.github_lookup[0].arn,
      ]
      type = "Federated"
    }
  }
}

data "aws_iam_policy_document" "release_permissions" {
  statement {
    actions   = ["ecr:GetAuthorizationToken"]
    effect    = "Allow"
    resources = ["*"]
    sid       = "EcrAuthorizationToken"
  }

  statement {
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:CompleteLayerUpload",
      "ecr:DescribeImages",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    effect    = "Allow"
    resources = [var.repository_arn]
    sid       = "PushImage"
  }

  statement {
    actions = ["ecs:RegisterTaskDefinition"]
    effect  = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:ecs:${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:task-definition/${var.app}-${var.environment}:*",
    ]
    sid = "RegisterTaskDefinition"
  }

  statement {
    actions   = ["iam:PassRole"]
    effect    = "Allow"
    resources = [aws_iam_role.execution.arn, aws_iam_role.task.arn]
    sid       = "PassTaskRoles"

    condition {
      test     = "StringEquals"
      values   = ["ecs-tasks.amazonaws.com"]
      variable = "iam:PassedToService"
    }
  }

  statement {
    actions = ["ecs:DescribeServices"]
    effect  = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:ecs:${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:service/${var.app}-${var.environment}/${var.app}-${var.environment}",
    ]
    sid = "DescribeService"
  }

  statement {
    actions = [
      "codedeploy:CreateDeployment",
      "codedeploy:GetDeployment",
      "codedeploy:GetDeploymentGroup",
      "codedeploy:UpdateDeploymentGroup",
    ]
    effect = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:codedeploy:${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:deploymentgroup:${var.app}-${var.environment}/${var.app}-${var.environment}",
    ]
    sid = "DeployToDeploymentGroup"
  }

  statement {
    actions = ["codedeploy:GetApplicationRevision", "codedeploy:RegisterApplicationRevision"]
    effect  = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:codedeploy:${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:application:${var.app}-${var.environment}",
    ]
    sid = "RegisterRevision"
  }

  statement {
    actions = ["codedeploy:GetDeploymentConfig"]
    effect  = "Allow"
    resources = [
      "arn:${data.aws_partition.partition.partition}:codedeploy:${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:deploymentconfig:CodeDeployDefault.ECS*",
      "arn:${data.aws_partition.partition.partition}:codedeploy:${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:deploymentconfig:${var.app}-${var.environment}-*",
    ]
    sid = "ReadDeploymentConfigs"
  }
}

data "aws_iam_policy_document" "release_trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    effect  = "Allow"
    sid     = "AssumedByGithubActions"

    condition {
      test     = "StringEquals"
      values   = ["sts.amazonaws.com"]
      variable = "token.actions.githubusercontent.com:aud"
    }

    condition {
      test     = "StringEquals"
      values   = ["repo:${var.github_repository}:environment:${var.environment}"]
      variable = "token.actions.githubusercontent.com:sub"
    }

    principals {
      identifiers = [
        var.create_oidc_provider ? aws_iam_openid_connect_provider.github[0].arn : data.aws_iam_openid_connect_provider.github_lookup[0].arn,
      ]
      type = "Federated"
    }
  }
}

data "aws_iam_policy_document" "task_permissions" {
  count = (length(var.task_policy) > 0 || var.execute_command) ? 1 : 0

  dynamic "statement" {
    for_each = var.task_policy

    content {
      actions   = statement.value.actions
      effect    = "Allow"
      resources = statement.value.resources
      sid       = "TaskPolicy${statement.key + 1}"
    }
  }

  dynamic "statement" {
    for_each = var.execute_command ? [1] : []

    content {
      actions = [
        "ssmmessages:CreateControlChannel",
        "ssmmessages:CreateDataChannel",
        "ssmmessages:OpenControlChannel",
        "ssmmessages:OpenDataChannel",
      ]
      effect    = "Allow"
      resources = ["*"]
      sid       = "EcsExecChannels"
    }
  }

  dynamic "statement" {
    for_each = var.execute_command ? [1] : []

    content {
      actions   = ["logs:DescribeLogGroups"]
      effect    = "Allow"
      resources = ["*"]
      sid       = "EcsExecLogGroups"
    }
  }

  dynamic "statement" {
    for_each = var.execute_command ? [1] : []

    content {
      actions = ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"]
      effect  = "Allow"
      resources = [
        "arn:${data.aws_partition.partition.partition}:logs:${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:log-group:/ecs/${var.app}-${var.environment}/exec:*",
      ]
      sid = "EcsExecSessionLogs"
    }
  }
}

data "aws_partition" "partition" {
}

data "aws_region" "region" {
}

resource "aws_iam_openid_connect_provider" "github" {
  count = var.create_oidc_provider ? 1 : 0

  client_id_list = ["sts.amazonaws.com"]
  thumbprint_list = [
    "1c58a3a8518e8759bf075b76b750d4f2df264fcd",
    "6938fd4d98bab03faadb97b34396831e3780aea1",
  ]
  url = "https://token.actions.githubusercontent.com"
}

resource "aws_iam_role" "codedeploy" {
  assume_role_policy = data.aws_iam_policy_document.codedeploy_trust.json
  description        = "Lets CodeDeploy shift traffic between task sets of this environment's service."
  name               = "${var.app}-${var.environment}-codedeploy"
}

resource "aws_iam_role" "execution" {
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_trust.json
  description        = "Pulls this environment's image, writes its logs and reads its secrets when ECS starts a task."
  name               = "${var.app}-${var.environment}-execution"
}

resource "aws_iam_role" "github_infra" {
  assume_role_policy = data.aws_iam_policy_document.infra_trust.json
  description        = "Assumed by GitHub Actions jobs in the ${var.environment} environment to apply this environment's stacks${var.assume_role_arn != "" ? ", through the configured admin role." : "."}"
  name               = "${var.app}-${var.environment}-github-infra"
}

resource "aws_iam_role" "github_plan" {
  assume_role_policy = data.aws_iam_policy_document.plan_trust.json
  description        = "Assumed by GitHub Actions for pull requests to plan changes; read-only."
  name               = "${var.app}-${var.environment}-github-plan"
}

resource "aws_iam_role" "github_release" {
  assume_role_policy = data.aws_iam_policy_document.release_trust.json
  description        = "Assumed by GitHub Actions jobs in the ${var.environment} environment to release the app: pushes its image, registers task definitions, starts CodeDeploy deployments."
  name               = "${var.app}-${var.environment}-github-release"
}

resource "aws_iam_role" "task" {
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_trust.json
  description        = "The application's own AWS identity: only the statements of service.taskPolicy."
  name               = "${var.app}-${var.environment}-task"
}

resource "aws_iam_role_policy" "codedeploy_policy" {
  name   = "codedeploy"
  policy = data.aws_iam_policy_document.codedeploy_permissions.json
  role   = aws_iam_role.codedeploy.id
}

resource "aws_iam_role_policy" "execution_policy" {
  name   = "execution"
  policy = data.aws_iam_policy_document.execution_permissions.json
  role   = aws_iam_role.execution.id
}

resource "aws_iam_role_policy" "infra_policy" {
  name   = "infra"
  policy = data.aws_iam_policy_document.infra_permissions.json
  role   = aws_iam_role.github_infra.id
}

resource "aws_iam_role_policy" "plan_policy" {
  name   = "plan"
  policy = data.aws_iam_policy_document.plan_permissions.json
  role   = aws_iam_role.github_plan.id
}

resource "aws_iam_role_policy" "release_policy" {
  name   = "release"
  policy = data.aws_iam_policy_document.release_permissions.json
  role   = aws_iam_role.github_release.id
}

resource "aws_iam_role_policy" "task_policy" {
  count = (length(var.task_policy) > 0 || var.execute_command) ? 1 : 0

  name   = "task"
  policy = data.aws_iam_policy_document.task_permissions[0].json
  role   = aws_iam_role.task.id
}

resource "aws_iam_role_policy_attachment" "codedeploy_ecs" {
  policy_arn = "arn:${data.aws_partition.partition.partition}:iam::aws:policy/AWSCodeDeployRoleForECSLimited"
  role       = aws_iam_role.codedeploy.name
}

resource "aws_iam_role_policy_attachment" "plan_read_only" {
  policy_arn = "arn:${data.aws_partition.partition.partition}:iam::aws:policy/ReadOnlyAccess"
  role       = aws_iam_role.github_plan.name
}
