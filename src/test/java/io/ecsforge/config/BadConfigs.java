package io.ecsforge.config;

import static io.ecsforge.config.Yaml.minimalReplacing;
import static io.ecsforge.config.Yaml.minimalWith;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every kind of bad environment file, with the exact problems ecsforge must report for it,
 * each as {@code <field path>: <what is wrong>; allowed: ...} after the file's name.
 */
final class BadConfigs {
    /**
     * @param behaviour what the case shows, as a test name
     * @param yaml the content of dev.yaml
     * @param problems the problem lines, each without the leading {@code <file>: }
     */
    record Case(String behaviour, String yaml, List<String> problems) {
        /** The whole message for the file named {@code file}: one line per problem. */
        String message(String file) {
            return problems.stream().map(problem -> file + ": " + problem).collect(Collectors.joining(System.lineSeparator()));
        }

        @Override
        public String toString() {
            return behaviour;
        }
    }

    private BadConfigs() {}

    private static Case bad(String behaviour, String yaml, String... problems) {
        return new Case(behaviour, yaml, List.of(problems));
    }

    static Stream<Case> all() {
        return Stream.of(
                // YAML itself
                bad("unclosedFlowListReportsWhereTheParserStopped",
                        "app: webapp\nenvironment: [dev\naws: {region: us-east-1}\n",
                        "line 3, column 4: malformed YAML: expected ',' or ']', but got : (while parsing a flow sequence that starts at line 2, column 14)"),
                bad("indentedKeyReportsLineAndColumn", "app: webapp\n  environment: dev\n",
                        "line 2, column 14: malformed YAML: mapping values are not allowed here"),
                bad("tabIndentationReportsLineAndColumn", "app: webapp\nenvironment: dev\n\tgithub: {}\n",
                        "line 3, column 1: malformed YAML: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation)"),
                bad("duplicateTopLevelKeyIsNamedWithItsLine", minimalWith("app: other\n"),
                        "app: duplicate key at line 9; a key may appear once in a mapping, keep one of them"),
                bad("duplicateNestedKeyIsNamedWithItsPath",
                        minimalReplacing("  region: us-east-1\n", "  region: us-east-1\n  region: us-west-2\n"),
                        "aws.region: duplicate key at line 5; a key may appear once in a mapping, keep one of them"),
                bad("emptyFileSaysWhichKeysAreRequired", "",
                        "the file is empty; allowed: a mapping with at least app, environment, aws.region, state.bucket and github.repository"),
                bad("fileOfOnlyCommentsIsEmpty", "# nothing yet\n",
                        "the file is empty; allowed: a mapping with at least app, environment, aws.region, state.bucket and github.repository"),
                bad("topLevelListIsNotAMapping", "- app: webapp\n",
                        "the top level is a list, not a mapping; allowed: a mapping with at least app, environment, aws.region, state.bucket and github.repository"),
                // wrong types
                bad("stringWhereNumberIsNotAWholeNumber", minimalWith("network:\n  azCount: two\n"),
                        "network.azCount: \"two\" is not a whole number; allowed: 1 to 6"),
                bad("fractionWhereWholeNumberIsNotAWholeNumber", minimalWith("network:\n  azCount: 2.5\n"),
                        "network.azCount: 2.5 is not a whole number; allowed: 1 to 6"),
                bad("numberWhereStringMustBeQuoted", minimalWith("registry:\n  repositoryName: 42\n"),
                        "registry.repositoryName: 42 is not a string; quote it"),
                bad("mappingWhereStringIsNotASingleValue", minimalReplacing("app: webapp\n", "app: {name: webapp}\n"),
                        "app: a mapping is not a string; expected a single value"),
                bad("listWhereMappingIsNotAMapping", minimalWith("network: [10.0.0.0/16]\n"),
                        "network: a list is not a mapping; write network: on its own line and its keys indented below it"),
                bad("sectionThatIsAStringReportsOnlyTheSection",
                        minimalReplacing("aws:\n  region: us-east-1\n", "aws: us-east-1\n"),
                        "aws: \"us-east-1\" is not a mapping; write aws: on its own line and its keys indented below it"),
                bad("mappingWhereListIsNotAList", minimalWith("loadBalancer:\n  allowedCidrs: {office: 203.0.113.0/24}\n"),
                        "loadBalancer.allowedCidrs: a mapping is not a list; write [a, b] or one '- item' per line"),
                bad("wordWhereBooleanIsNotABoolean", minimalWith("cluster:\n  containerInsights: maybe\n"),
                        "cluster.containerInsights: \"maybe\" is not a boolean; allowed: true, false"),
                bad("hugeNumberIsOutOfRange", minimalWith("network:\n  azCount: 99999999999\n"),
                        "network.azCount: 99999999999 is out of range; allowed: 1 to 6"),
                bad("misspeltChoiceSuggestsTheNearest", minimalWith("network:\n  natGateways: singel\n"),
                        "network.natGateways: \"singel\" is not allowed; did you mean 'single'? allowed: none, single, one-per-az"),
                bad("unknownChoiceListsTheChoices", minimalWith("deployment:\n  strategy: blue-green\n"),
                        "deployment.strategy: \"blue-green\" is not allowed; allowed: canary, linear, all-at-once"),
                // unknown keys
                bad("misspeltTopLevelKeySuggestsTheNearest", minimalWith("netwrok:\n  azCount: 2\n"),
                        "netwrok: unknown key; did you mean 'network'? allowed keys: app, environment, aws, state, network, registry, github, cluster, service, loadBalancer, deployment, tags"),
                bad("unknownTopLevelKeyFarFromAnyListsTheKeys", minimalWith("colour: blue\n"),
                        "colour: unknown key; allowed keys: app, environment, aws, state, network, registry, github, cluster, service, loadBalancer, deployment, tags"),
                bad("misspeltNestedKeySuggestsTheNearest", minimalWith("network:\n  azcount: 3\n"),
                        "network.azcount: unknown key; did you mean 'azCount'? allowed keys: cidr, azCount, natGateways, flowLogs, flowLogRetentionDays, flowLogKmsKey, vpcEndpoints, publicSubnets, privateSubnets, availabilityZones"),
                bad("unknownNestedKeyFarFromAnyListsTheKeys", minimalWith("network:\n  ipv6: true\n"),
                        "network.ipv6: unknown key; allowed keys: cidr, azCount, natGateways, flowLogs, flowLogRetentionDays, flowLogKmsKey, vpcEndpoints, publicSubnets, privateSubnets, availabilityZones"),
                // names
                bad("appNameWithCapitalsIsRejected", minimalReplacing("app: webapp\n", "app: WebApp\n"),
                        "app: \"WebApp\" is not allowed; allowed: 2 to 21 lower-case letters, digits and single dashes, starting with a letter and not ending with a dash"),
                bad("appNameEndingInADashIsRejected", minimalReplacing("app: webapp\n", "app: webapp-\n"),
                        "app: \"webapp-\" is not allowed; allowed: 2 to 21 lower-case letters, digits and single dashes, starting with a letter and not ending with a dash"),
                bad("appNameWithTwoDashesInARowIsRejected", minimalReplacing("app: webapp\n", "app: web--app\n"),
                        "app: \"web--app\" is not allowed; allowed: 2 to 21 lower-case letters, digits and single dashes, starting with a letter and not ending with a dash"),
                bad("appNameOfOneLetterIsRejected", minimalReplacing("app: webapp\n", "app: w\n"),
                        "app: \"w\" is not allowed; allowed: 2 to 21 lower-case letters, digits and single dashes, starting with a letter and not ending with a dash"),
                bad("missingAppIsRequired", minimalReplacing("app: webapp\n", ""),
                        "app: is required; a name like webapp"),
                bad("emptyAppIsRequired", minimalReplacing("app: webapp\n", "app: \"\"\n"),
                        "app: is empty; a name like webapp"),
                bad("emptyOptionalArnIsRejectedNotTakenAsGiven", minimalWith("loadBalancer:\n  certificateArn: \"\"\n"),
                        "loadBalancer.certificateArn: \"\" is not allowed; allowed: an ACM certificate ARN"),
                bad("emptyBranchIsRejected", minimalReplacing("  repository: my-org/webapp\n",
                        "  repository: my-org/webapp\n  branch: \"\"\n"),
                        "github.branch: \"\" is not allowed; allowed: a branch name such as main"),
                bad("environmentNameWithCapitalsIsRejected", minimalReplacing("environment: dev\n", "environment: Dev\n"),
                        "environment: \"Dev\" is not allowed; allowed: 1 to 16 lower-case letters, digits and single dashes, starting with a letter and not ending with a dash"),
                bad("environmentNotMatchingTheFileNameIsRejected", minimalReplacing("environment: dev\n", "environment: prod\n"),
                        "environment: \"prod\" does not match the file name; allowed: \"dev\", or rename the file to prod.yaml"),
                // aws
                bad("unquotedAccountIdMustBeQuoted",
                        minimalReplacing("  region: us-east-1\n", "  region: us-east-1\n  accountId: 123456789012\n"),
                        "aws.accountId: 123456789012 is a number; write the account id as a quoted string of 12 digits, e.g. accountId: \"123456789012\""),
                bad("accountIdOfElevenDigitsIsRejected",
                        minimalReplacing("  region: us-east-1\n", "  region: us-east-1\n  accountId: \"12345678901\"\n"),
                        "aws.accountId: \"12345678901\" is not allowed; allowed: 12 digits, quoted"),
                bad("badRegionIsReportedOnceNotAgainForTheStateRegion", minimalReplacing("  region: us-east-1\n", "  region: useast1\n"),
                        "aws.region: \"useast1\" is not allowed; allowed: an AWS region such as us-east-1"),
                bad("providerVersionThatIsNotAVersionConstraintIsRejected",
                        minimalReplacing("  region: us-east-1\n", "  region: us-east-1\n  providerVersion: latest\n"),
                        "aws.providerVersion: \"latest\" is not allowed; allowed: a Terraform version constraint: comma-separated"
                                + " conditions, each an operator (=, !=, >, >=, <, <=, ~>) and a version, e.g. \">= 5.23.1, < 6.0.0\""
                                + " or \"~> 5.100\""),
                bad("providerVersionWithAnEmptyConditionIsRejected",
                        minimalReplacing("  region: us-east-1\n", "  region: us-east-1\n  providerVersion: \">= 5.23.1,\"\n"),
                        "aws.providerVersion: \">= 5.23.1,\" is not allowed; allowed: a Terraform version constraint: comma-separated"
                                + " conditions, each an operator (=, !=, >, >=, <, <=, ~>) and a version, e.g. \">= 5.23.1, < 6.0.0\""
                                + " or \"~> 5.100\""),
                // state
                bad("dynamodbLockWithoutTableNeedsATable", minimalReplacing("  bucket: webapp-tfstate\n",
                        "  bucket: webapp-tfstate\n  lock: dynamodb\n"),
                        "state.dynamodbTable: is required when state.lock is dynamodb; name the lock table (e.g. webapp-tflock) or use lock: lockfile"),
                bad("bothLocksWithoutTableNeedATable", minimalReplacing("  bucket: webapp-tfstate\n",
                        "  bucket: webapp-tfstate\n  lock: both\n"),
                        "state.dynamodbTable: is required when state.lock is both; name the lock table (e.g. webapp-tflock) or use lock: lockfile"),
                bad("s3BackendWithoutBucketNeedsABucket", minimalReplacing("  bucket: webapp-tfstate\n", "  backend: s3\n"),
                        "state.bucket: is required when state.backend is s3; e.g. webapp-tfstate-<account-id>, or use backend: local"),
                // network
                bad("malformedCidrIsRejected", minimalWith("network:\n  cidr: 10.0.0/16\n"),
                        "network.cidr: \"10.0.0/16\" is not an IPv4 CIDR block; allowed: a.b.c.d/n with a to d from 0 to 255 and n from 0 to 32"),
                bad("cidrWithOctetAbove255IsRejected", minimalWith("network:\n  cidr: 300.0.0.0/16\n"),
                        "network.cidr: \"300.0.0.0/16\" is not an IPv4 CIDR block; allowed: a.b.c.d/n with a to d from 0 to 255 and n from 0 to 32"),
                bad("cidrWithHostBitsSetNamesItsNetworkAddress", minimalWith("network:\n  cidr: 10.0.0.1/16\n"),
                        "network.cidr: \"10.0.0.1/16\" has host bits set; allowed: the block's network address, 10.0.0.0/16"),
                bad("vpcLargerThanSlash16IsRejected", minimalWith("network:\n  cidr: 10.0.0.0/8\n"),
                        "network.cidr: \"10.0.0.0/8\" has prefix /8; allowed: a VPC of /16 to /28"),
                bad("vpcSmallerThanSlash28IsRejected", minimalWith("network:\n  cidr: 10.0.0.0/29\n"),
                        "network.cidr: \"10.0.0.0/29\" has prefix /29; allowed: a VPC of /16 to /28"),
                bad("vpcTooSmallForItsSubnetsIsRejected", minimalWith("network:\n  cidr: 10.0.0.0/26\n"),
                        "network.cidr: \"10.0.0.0/26\" is too small: its 4 subnets would be /30, smaller than AWS's smallest subnet (/28); allowed: a VPC of /24 or larger, or network.publicSubnets and network.privateSubnets listed yourself"),
                bad("noNatWithoutEndpointsLeavesTasksNoWayToPullImages", minimalWith("network:\n  natGateways: none\n"),
                        "network.natGateways: none needs network.vpcEndpoints: true, or tasks in the private subnets cannot reach"
                                + " ECR, CloudWatch Logs or their secrets; allowed: natGateways single or one-per-az, or vpcEndpoints: true"),
                bad("environmentNamedLikeCdktfsOwnFolderIsReserved",
                        minimalReplacing("environment: dev\n", "environment: stacks\n"),
                        "environment: \"stacks\" is reserved for cdktf's own output folder; allowed: any other name"),
                bad("azCountZeroIsOutOfRange", minimalWith("network:\n  azCount: 0\n"),
                        "network.azCount: 0 is out of range; allowed: 1 to 6"),
                bad("azCountSevenIsOutOfRange", minimalWith("network:\n  azCount: 7\n"),
                        "network.azCount: 7 is out of range; allowed: 1 to 6"),
                bad("overlappingSubnetsAreRejected", minimalWith("""
                        network:
                          cidr: 10.0.0.0/16
                          publicSubnets: [10.0.0.0/20, 10.0.16.0/20]
                          privateSubnets: [10.0.8.0/24, 10.0.128.0/20]
                        """),
                        "network.privateSubnets[0]: \"10.0.8.0/24\" overlaps network.publicSubnets[0] (10.0.0.0/20); allowed: blocks that do not overlap"),
                bad("subnetOutsideTheVpcIsRejected", minimalWith("""
                        network:
                          cidr: 10.0.0.0/16
                          publicSubnets: [10.0.0.0/20, 10.1.0.0/20]
                          privateSubnets: [10.0.128.0/20, 10.0.144.0/20]
                        """),
                        "network.publicSubnets[1]: \"10.1.0.0/20\" is outside the VPC 10.0.0.0/16; allowed: a block inside network.cidr"),
                bad("subnetWithHostBitsSetIsRejected", minimalWith("""
                        network:
                          publicSubnets: [10.0.0.1/20, 10.0.16.0/20]
                          privateSubnets: [10.0.128.0/20, 10.0.144.0/20]
                        """),
                        "network.publicSubnets[0]: \"10.0.0.1/20\" has host bits set; allowed: the block's network address, 10.0.0.0/20"),
                bad("subnetsNotOnePerZoneAreRejected", minimalWith("""
                        network:
                          azCount: 3
                          publicSubnets: [10.0.0.0/20, 10.0.16.0/20]
                          privateSubnets: [10.0.128.0/20, 10.0.144.0/20, 10.0.160.0/20]
                        """),
                        "network.publicSubnets: 2 subnets given; allowed: 3, one per availability zone (network.azCount)"),
                bad("flowLogRetentionCloudWatchDoesNotOfferIsRejected", minimalWith("network:\n  flowLogRetentionDays: 100\n"),
                        "network.flowLogRetentionDays: 100 is not allowed; allowed: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653"),
                // registry
                bad("repositoryNameWithUpperCaseIsRejected", minimalWith("registry:\n  repositoryName: Web_App\n"),
                        "registry.repositoryName: \"Web_App\" is not allowed; allowed: an ECR repository name: 2 to 256 lower-case letters, digits, and . _ - / between them"),
                bad("keepingNoImagesIsOutOfRange", minimalWith("registry:\n  keepImages: 0\n"),
                        "registry.keepImages: 0 is out of range; allowed: 1 to 1000"),
                bad("untaggedExpiryBeyondAYearIsOutOfRange", minimalWith("registry:\n  untaggedExpiryDays: 366\n"),
                        "registry.untaggedExpiryDays: 366 is out of range; allowed: 1 to 365"),
                bad("imageTagStartingWithADashIsRejected", minimalWith("service:\n  imageTag: -latest\n"),
                        "service.imageTag: \"-latest\" is not allowed; allowed: a Docker tag: letters, digits, _ . -, up to 128"),
                // service
                bad("cpu256WithMemory4096IsNotAFargateSize", minimalWith("service:\n  cpu: 256\n  memory: 4096\n"),
                        "service.memory: 4096 MiB does not pair with service.cpu 256 on Fargate; allowed memory for cpu 256: 512, 1024 or 2048"),
                bad("cpu1024WithMemory1536IsNotAFargateSize", minimalWith("service:\n  cpu: 1024\n  memory: 1536\n"),
                        "service.memory: 1536 MiB does not pair with service.cpu 1024 on Fargate; allowed memory for cpu 1024: 2048 to 8192 in steps of 1024"),
                bad("cpuThatIsNotAFargateSizeIsReportedAtCpu", minimalWith("service:\n  cpu: 300\n  memory: 1024\n"),
                        "service.cpu: 300 is not allowed; allowed: 256, 512, 1024, 2048, 4096, 8192, 16384"),
                bad("memoryOutOfRangeIsReportedOnceNotAgainAsAPair", minimalWith("service:\n  cpu: 1024\n  memory: 256\n"),
                        "service.memory: 256 is out of range; allowed: 512 to 122880"),
                bad("containerPortZeroIsOutOfRange", minimalWith("service:\n  containerPort: 0\n"),
                        "service.containerPort: 0 is out of range; allowed: 1 to 65535"),
                bad("containerPort65536IsOutOfRange", minimalWith("service:\n  containerPort: 65536\n"),
                        "service.containerPort: 65536 is out of range; allowed: 1 to 65535"),
                bad("autoscalingMinAboveMaxIsRejected", minimalWith("service:\n  autoscaling: {min: 8, max: 4}\n"),
                        "service.autoscaling.min: 8 is greater than service.autoscaling.max (4); allowed: 1 to 4"),
                bad("autoscalingMaxOutOfRangeIsNotAlsoComparedWithMin",
                        minimalWith("service:\n  autoscaling: {min: 8, max: 0}\n"),
                        "service.autoscaling.max: 0 is out of range; allowed: 1 to 1000"),
                bad("secretThatIsNotAnSsmOrSecretsManagerArnIsRejected",
                        minimalWith("service:\n  secrets:\n    DB_PASSWORD: \"arn:aws:s3:::my-bucket/db-password\"\n"),
                        "service.secrets.DB_PASSWORD: \"arn:aws:s3:::my-bucket/db-password\" is not an SSM parameter or Secrets Manager ARN; allowed: arn:aws:ssm:<region>:<account>:parameter/<name> or arn:aws:secretsmanager:<region>:<account>:secret:<name>"),
                bad("secretAlsoSetAsPlainValueIsRejected", minimalWith("""
                        service:
                          environment:
                            DB_PASSWORD: hunter2
                          secrets:
                            DB_PASSWORD: "arn:aws:ssm:us-east-1:123456789012:parameter/db-password"
                        """),
                        "service.secrets.DB_PASSWORD: is also set in service.environment; allowed: a name in one of the two, as a plain value or as a secret"),
                bad("logRetentionCloudWatchDoesNotOfferIsRejected", minimalWith("service:\n  logRetentionDays: 45\n"),
                        "service.logRetentionDays: 45 is not allowed; allowed: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653"),
                bad("taskPolicyWithStarActionIsRejected", minimalWith("""
                        service:
                          taskPolicy:
                            - actions: ["*"]
                              resources: ["arn:aws:s3:::my-bucket/*"]
                        """),
                        "service.taskPolicy[0].actions[0]: \"*\" is not allowed; allowed: one action as service:Action, e.g. s3:GetObject (not \"*\" or \"service:*\")"),
                bad("taskPolicyWithServiceWideActionIsRejected", minimalWith("""
                        service:
                          taskPolicy:
                            - actions: [s3:GetObject, "s3:*"]
                              resources: ["arn:aws:s3:::my-bucket/*"]
                        """),
                        "service.taskPolicy[0].actions[1]: \"s3:*\" is not allowed; allowed: one action as service:Action, e.g. s3:GetObject (not \"*\" or \"service:*\")"),
                bad("taskPolicyOnEveryResourceIsRejected", minimalWith("""
                        service:
                          taskPolicy:
                            - actions: [s3:GetObject]
                              resources: ["*"]
                        """),
                        "service.taskPolicy[0].resources[0]: \"*\" is not allowed; allowed: the ARNs the task needs, e.g. arn:aws:s3:::my-bucket/*"),
                bad("taskPolicyWithoutActionsOrResourcesIsRejected", minimalWith("""
                        service:
                          taskPolicy:
                            - {}
                        """),
                        "service.taskPolicy[0].actions: is required; list the IAM actions the task needs, e.g. [s3:GetObject]",
                        "service.taskPolicy[0].resources: is required; list the ARNs the actions apply to"),
                bad("egressRuleWithoutDestinationIsRefused", minimalWith("""
                        service:
                          egress:
                            - port: 5432
                        """),
                        "service.egress[0]: has no destination; allowed: exactly one of cidr, prefixListId or securityGroupId"),
                bad("egressRuleWithTwoDestinationsIsRefused", minimalWith("""
                        service:
                          egress:
                            - port: 5432
                              cidr: 10.0.0.0/16
                              securityGroupId: sg-0123456789abcdef0
                        """),
                        "service.egress[0]: has 2 destinations (cidr, securityGroupId); allowed: exactly one of cidr,"
                                + " prefixListId or securityGroupId, a rule each"),
                bad("egressRuleWithoutPortIsRefused", minimalWith("""
                        service:
                          egress:
                            - cidr: 10.0.0.0/16
                        """),
                        "service.egress[0].port: is required; allowed: 1 to 65535"),
                bad("egressPortOutOfRangeIsRefused", minimalWith("""
                        service:
                          egress:
                            - port: 5432
                              cidr: 10.0.0.0/16
                            - port: 70000
                              cidr: 10.0.0.0/16
                        """),
                        "service.egress[1].port: 70000 is out of range; allowed: 1 to 65535"),
                bad("egressRangeEndingBelowItsStartIsRefused", minimalWith("""
                        service:
                          egress:
                            - port: 6000
                              toPort: 5000
                              cidr: 10.0.0.0/16
                        """),
                        "service.egress[0].toPort: 5000 is below port 6000; allowed: 6000 to 65535"),
                bad("egressRangeToAnywhereIsRefused", minimalWith("""
                        service:
                          egress:
                            - port: 1
                              toPort: 65535
                              cidr: 0.0.0.0/0
                        """),
                        "service.egress[0].toPort: opens ports 1 to 65535 to 0.0.0.0/0; allowed: one port to 0.0.0.0/0,"
                                + " or a range to a narrower CIDR block"),
                bad("egressPrefixListIdOfTheWrongFormIsRefused", minimalWith("""
                        service:
                          egress:
                            - port: 443
                              prefixListId: pl-xyz
                        """),
                        "service.egress[0].prefixListId: \"pl-xyz\" is not allowed; allowed: a managed prefix list id, pl- and 8 or 17 hex digits"),
                bad("egressSecurityGroupIdOfTheWrongFormIsRefused", minimalWith("""
                        service:
                          egress:
                            - port: 5432
                              securityGroupId: sg-12
                        """),
                        "service.egress[0].securityGroupId: \"sg-12\" is not allowed; allowed: a security group id, sg- and 8 or 17 hex digits"),
                bad("egressCidrWithHostBitsIsRefused", minimalWith("""
                        service:
                          egress:
                            - port: 5432
                              cidr: 10.0.0.1/16
                        """),
                        "service.egress[0].cidr: \"10.0.0.1/16\" has host bits set; allowed: the block's network address, 10.0.0.0/16"),
                bad("egressProtocolOtherThanTcpOrUdpIsRefused", minimalWith("""
                        service:
                          egress:
                            - port: 53
                              protocol: icmp
                              cidr: 10.0.0.2/32
                        """),
                        "service.egress[0].protocol: \"icmp\" is not allowed; allowed: tcp, udp"),
                bad("egressDescriptionWithCharactersEc2RefusesIsRefused", minimalWith("""
                        service:
                          egress:
                            - port: 5432
                              cidr: 10.0.0.0/16
                              description: "Postgres <primary>"
                        """),
                        "service.egress[0].description: \"Postgres <primary>\" is not allowed; allowed: 1 to 200 letters, digits, spaces and . _ - : / ( ) # , @ [ ] + = & ; { } ! $ *"),
                bad("egressRuleGivenTwiceIsRefused", minimalWith("""
                        service:
                          egress:
                            - port: 5432
                              cidr: 10.0.0.0/16
                              description: PostgreSQL
                            - port: 5432
                              protocol: tcp
                              cidr: 10.0.0.0/16
                        """),
                        "service.egress[1]: is the same rule as service.egress[0] (tcp 5432 to 10.0.0.0/16); allowed: each rule once"),
                bad("egressRuleRepeatingTheHttpsRuleIsRefused", minimalWith("""
                        service:
                          egress:
                            - port: 443
                              cidr: 0.0.0.0/0
                        """),
                        "service.egress[0]: is the HTTPS rule every service has (tcp 443 to 0.0.0.0/0); allowed: other rules only, leave this one out"),
                // load balancer
                bad("testListenerOnPort80IsAProductionPort", minimalWith("loadBalancer:\n  testListenerPort: 80\n"),
                        "loadBalancer.testListenerPort: 80 is a production listener port; allowed: any port but 80"),
                bad("testListenerOnPort443WithACertificateIsAProductionPort", minimalWith("""
                        loadBalancer:
                          certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c"
                          testListenerPort: 443
                        """),
                        "loadBalancer.testListenerPort: 443 is a production listener port; allowed: any port but 443 and 80"),
                bad("testListenerPortZeroIsOutOfRange", minimalWith("loadBalancer:\n  testListenerPort: 0\n"),
                        "loadBalancer.testListenerPort: 0 is out of range; allowed: 1 to 65535"),
                bad("testListenerPort65536IsOutOfRange", minimalWith("loadBalancer:\n  testListenerPort: 65536\n"),
                        "loadBalancer.testListenerPort: 65536 is out of range; allowed: 1 to 65535"),
                bad("testListenerCidrWithHostBitsSetIsRejected", minimalWith("loadBalancer:\n  testListenerCidrs: [10.0.0.1/8]\n"),
                        "loadBalancer.testListenerCidrs[0]: \"10.0.0.1/8\" has host bits set; allowed: the block's network address, 10.0.0.0/8"),
                bad("testListenerCidrInAPrivateRangeNeverMatchesAndIsRefused", minimalWith("loadBalancer:\n  testListenerCidrs: [10.0.0.0/8]\n"),
                        "loadBalancer.testListenerCidrs[0]: \"10.0.0.0/8\" is a private range (10.0.0.0/8), from which no request"
                                + " reaches the internet-facing load balancer: clients in the VPC arrive from its NAT gateways'"
                                + " public addresses, which the test listener admits without being listed; allowed: public"
                                + " blocks, such as an office's or a VPN's egress; remove this one"),
                bad("testListenerCidrInsideAPrivateRangeIsRefusedWithTheRange", minimalWith(
                                "loadBalancer:\n  testListenerCidrs: [203.0.113.0/24, 192.168.10.0/24]\n"),
                        "loadBalancer.testListenerCidrs[1]: \"192.168.10.0/24\" is a private range (192.168.0.0/16), from which"
                                + " no request reaches the internet-facing load balancer: clients in the VPC arrive from its NAT"
                                + " gateways' public addresses, which the test listener admits without being listed; allowed:"
                                + " public blocks, such as an office's or a VPN's egress; remove this one"),
                bad("testListenerCidrInsideTheVpcIsRefused", minimalWith("""
                        network:
                          cidr: 100.64.0.0/16
                        loadBalancer:
                          testListenerCidrs: [100.64.0.0/20]
                        """),
                        "loadBalancer.testListenerCidrs[0]: \"100.64.0.0/20\" is inside the VPC (network.cidr 100.64.0.0/16), from"
                                + " which no request reaches the internet-facing load balancer: clients in the VPC arrive from"
                                + " its NAT gateways' public addresses, which the test listener admits without being listed;"
                                + " allowed: public blocks, such as an office's or a VPN's egress; remove this one"),
                // deployment
                bad("canaryPercentZeroIsOutOfRange", minimalWith("deployment:\n  percent: 0\n"),
                        "deployment.percent: 0 is out of range; allowed: 1 to 99"),
                bad("canaryPercent100IsOutOfRange", minimalWith("deployment:\n  percent: 100\n"),
                        "deployment.percent: 100 is out of range; allowed: 1 to 99"),
                bad("intervalZeroIsOutOfRange", minimalWith("deployment:\n  intervalMinutes: 0\n"),
                        "deployment.intervalMinutes: 0 is out of range; allowed: 1 to 2880"),
                bad("interval2881IsOutOfRange", minimalWith("deployment:\n  intervalMinutes: 2881\n"),
                        "deployment.intervalMinutes: 2881 is out of range; allowed: 1 to 2880"),
                bad("canaryWindowShorterThanTwoAlarmPeriodsIsRejected",
                        minimalWith("deployment:\n  intervalMinutes: 1\n  alarms: {periodSeconds: 60}\n"),
                        "deployment.intervalMinutes: 1 minute(s) is shorter than 2 alarm periods (2 x 60 s = 120 s), so the alarms could not fire before traffic shifts; allowed: at least 2 minute(s), or lower deployment.alarms.periodSeconds or evaluationPeriods"),
                bad("canaryWindowShorterThanTheEvaluatedPeriodsIsRejected",
                        minimalWith("deployment:\n  intervalMinutes: 4\n  alarms: {periodSeconds: 60, evaluationPeriods: 5}\n"),
                        "deployment.intervalMinutes: 4 minute(s) is shorter than 5 alarm periods (5 x 60 s = 300 s), so the alarms could not fire before traffic shifts; allowed: at least 5 minute(s), or lower deployment.alarms.periodSeconds or evaluationPeriods"),
                bad("alarmPeriodThatCloudWatchDoesNotOfferIsRejected",
                        minimalWith("deployment:\n  alarms: {periodSeconds: 90}\n"),
                        "deployment.alarms.periodSeconds: 90 is not an alarm period for load balancer metrics, which arrive once a minute; allowed: a multiple of 60"),
                bad("subMinuteAlarmPeriodWouldSeeNoLoadBalancerData",
                        minimalWith("deployment:\n  alarms: {periodSeconds: 30}\n"),
                        "deployment.alarms.periodSeconds: 30 is not an alarm period for load balancer metrics, which arrive once a minute; allowed: a multiple of 60"),
                // limits AWS enforces that the patterns and ranges alone do not say
                bad("stateBucketWithTwoPeriodsInARowIsRefused",
                        minimalReplacing("  bucket: webapp-tfstate\n", "  bucket: webapp..tfstate\n"),
                        "state.bucket: \"webapp..tfstate\" has two periods in a row, which S3 refuses; allowed: an S3 bucket name: 3 to 63 lower-case letters, digits, dots and dashes, no two periods in a row, not an IP address, not starting with xn--, sthree-, amzn-s3-demo- and not ending with -s3alias, --ol-s3, .mrap, --x-s3, --table-s3"),
                bad("stateBucketFormattedAsAnIpAddressIsRefused",
                        minimalReplacing("  bucket: webapp-tfstate\n", "  bucket: 192.168.5.4\n"),
                        "state.bucket: \"192.168.5.4\" is formatted as an IP address, which S3 refuses; allowed: an S3 bucket name: 3 to 63 lower-case letters, digits, dots and dashes, no two periods in a row, not an IP address, not starting with xn--, sthree-, amzn-s3-demo- and not ending with -s3alias, --ol-s3, .mrap, --x-s3, --table-s3"),
                bad("stateBucketWithAPrefixS3ReservesIsRefused",
                        minimalReplacing("  bucket: webapp-tfstate\n", "  bucket: xn--webapp-tfstate\n"),
                        "state.bucket: \"xn--webapp-tfstate\" starts with xn--, which S3 refuses; allowed: an S3 bucket name: 3 to 63 lower-case letters, digits, dots and dashes, no two periods in a row, not an IP address, not starting with xn--, sthree-, amzn-s3-demo- and not ending with -s3alias, --ol-s3, .mrap, --x-s3, --table-s3"),
                bad("stateBucketWithASuffixS3ReservesIsRefused",
                        minimalReplacing("  bucket: webapp-tfstate\n", "  bucket: webapp-tfstate-s3alias\n"),
                        "state.bucket: \"webapp-tfstate-s3alias\" ends with -s3alias, which S3 refuses; allowed: an S3 bucket name: 3 to 63 lower-case letters, digits, dots and dashes, no two periods in a row, not an IP address, not starting with xn--, sthree-, amzn-s3-demo- and not ending with -s3alias, --ol-s3, .mrap, --x-s3, --table-s3"),
                bad("accessLogBucketWithASuffixS3ReservesIsRefused",
                        minimalReplacing("  bucket: webapp-tfstate\n", "  bucket: webapp-tfstate\n  accessLogs: {bucket: webapp-logs--x-s3}\n"),
                        "state.accessLogs.bucket: \"webapp-logs--x-s3\" ends with --x-s3, which S3 refuses; allowed: an S3 bucket name: 3 to 63 lower-case letters, digits, dots and dashes, no two periods in a row, not an IP address, not starting with xn--, sthree-, amzn-s3-demo- and not ending with -s3alias, --ol-s3, .mrap, --x-s3, --table-s3"),
                bad("accessLogBucketOfTheWrongFormIsRefused",
                        minimalReplacing("  bucket: webapp-tfstate\n", "  bucket: webapp-tfstate\n  accessLogs: {bucket: Webapp_Logs}\n"),
                        "state.accessLogs.bucket: \"Webapp_Logs\" is not allowed; allowed: an S3 bucket name: 3 to 63 lower-case letters, digits, dots and dashes"),
                bad("repositoryNameOfOneCharacterIsRefused", minimalWith("registry:\n  repositoryName: w\n"),
                        "registry.repositoryName: \"w\" is not allowed; allowed: an ECR repository name: 2 to 256 lower-case letters, digits, and . _ - / between them"),
                bad("repositoryNameLongerThan256CharactersIsRefused", minimalWith("registry:\n  repositoryName: " + "w".repeat(257) + "\n"),
                        "registry.repositoryName: \"" + "w".repeat(257) + "\" is not allowed; allowed: an ECR repository name: 2 to 256 lower-case letters, digits, and . _ - / between them"),
                bad("alarmsEvaluatedOverMoreThanADayAreRefused",
                        minimalWith("deployment:\n  intervalMinutes: 2880\n  alarms: {periodSeconds: 86400, evaluationPeriods: 2}\n"),
                        "deployment.alarms.evaluationPeriods: 2 periods of 86400 s are 172800 s; CloudWatch evaluates an alarm over at most one day; allowed: evaluationPeriods x periodSeconds up to 86400 s"),
                bad("taskPolicyResourceThatIsNotAnArnIsRefused", minimalWith("""
                        service:
                          taskPolicy:
                            - actions: [s3:GetObject]
                              resources: ["my-bucket/*"]
                        """),
                        "service.taskPolicy[0].resources[0]: \"my-bucket/*\" is not an ARN, which IAM refuses; allowed: an ARN, arn:<partition>:<service>:<region>:<account>:<resource>, e.g. arn:aws:s3:::my-bucket/*"),
                bad("taskPolicyLargerThanARolesInlinePoliciesMayBeIsRefused", minimalWith("service:\n  taskPolicy:\n"
                                + "    - actions: [s3:GetObject]\n      resources:\n" + java.util.stream.IntStream.range(0, 262)
                                .mapToObj(i -> String.format("        - arn:aws:s3:::webapp-uploads-%04d/*%n", i)).collect(Collectors.joining())),
                        "service.taskPolicy: the statements come to 9770 characters without whitespace; IAM allows 10240 in a role's inline policies, and ecsforge keeps 500 for its own; allowed: up to 9740, with fewer or wildcard ARNs"),
                bad("assumedRoleWithANameLongerThanIamAllowsIsRefused",
                        minimalReplacing("  region: us-east-1\n", "  region: us-east-1\n  assumeRoleArn: arn:aws:iam::123456789012:role/"
                                + "r".repeat(65) + "\n"),
                        "aws.assumeRoleArn: \"arn:aws:iam::123456789012:role/" + "r".repeat(65) + "\" is not allowed; allowed: an IAM role ARN, arn:aws:iam::<account>:role/<name>, the name up to 64 characters"),
                bad("moreTagsThanAResourceCanCarryBesideEcsforgesOwnAreRefused",
                        minimalWith("tags:\n" + java.util.stream.IntStream.rangeClosed(1, 47).mapToObj(i -> "  t" + i + ": v\n")
                                .collect(Collectors.joining())),
                        "tags: 47 tags are too many: AWS allows 50 on a resource, and ecsforge sets 4 itself (app, environment, managed-by and Name); allowed: up to 46"),
                // tags
                bad("tagOverridingAnEcsforgeTagIsRejected", minimalWith("tags:\n  environment: prod\n"),
                        "tags.environment: is set by ecsforge on every resource; allowed: a key other than app, environment and managed-by"),
                bad("tagKeyStartingWithAwsIsRejected", minimalWith("tags:\n  \"aws:team\": platform\n"),
                        "tags.aws:team: \"aws:team\" is not a tag key; allowed: 1 to 128 letters, digits, spaces and _ . : / = + - @, not starting with aws:"),
                bad("tagValueWithCharactersAwsRejectsIsRejected", minimalWith("tags:\n  Team: \"platform;ops\"\n"),
                        "tags.Team: \"platform;ops\" is not a tag value; allowed: up to 256 letters, digits, spaces and _ . : / = + - @"),
                bad("fractionalEnvironmentValueMustBeQuoted", minimalWith("service:\n  environment:\n    VERSION: 1.10\n"),
                        "service.environment.VERSION: 1.1 is a number, not a string; quote it to keep it as written"),
                // settings that would be silently ignored or fail at apply
                bad("lockTableWithLockfileLockingIsRejected", minimalReplacing("  bucket: webapp-tfstate\n",
                        "  bucket: webapp-tfstate\n  dynamodbTable: webapp-tflock\n"),
                        "state.dynamodbTable: \"webapp-tflock\" is set but state.lock is lockfile, which uses no table; allowed: lock: dynamodb or both, or no dynamodbTable"),
                bad("accessLogsWithoutABucketNeedABucket",
                        minimalReplacing("  bucket: webapp-tfstate\n", "  bucket: webapp-tfstate\n  accessLogs: {prefix: state/dev/}\n"),
                        "state.accessLogs.bucket: is required when state.accessLogs is set; name an existing log bucket in the state bucket's account and region, or leave out accessLogs"),
                bad("stateBucketAsItsOwnAccessLogBucketIsRefused",
                        minimalReplacing("  bucket: webapp-tfstate\n", "  bucket: webapp-tfstate\n  accessLogs: {bucket: webapp-tfstate}\n"),
                        "state.accessLogs.bucket: \"webapp-tfstate\" is the state bucket itself, whose every log delivery would be logged again; allowed: another bucket in the same account and region"),
                bad("accessLogPrefixWithCharactersS3CallsUnsafeIsRefused",
                        minimalReplacing("  bucket: webapp-tfstate\n", "  bucket: webapp-tfstate\n  accessLogs: {bucket: webapp-logs, prefix: \"state dev/\"}\n"),
                        "state.accessLogs.prefix: \"state dev/\" is not allowed; allowed: 1 to 512 letters, digits and ! - _ . * ' ( ) /, e.g. state/prod/"),
                bad("eventBridgeThatIsNotABooleanIsRefused",
                        minimalReplacing("  bucket: webapp-tfstate\n", "  bucket: webapp-tfstate\n  eventBridge: \"yes\"\n"),
                        "state.eventBridge: \"yes\" is not a boolean; allowed: true, false"),
                bad("logKmsKeyThatIsNeitherStateNorAKeyArnIsRefused",
                        minimalWith("service:\n  logKmsKey: alias/webapp-dev-state\n"),
                        "service.logKmsKey: \"alias/webapp-dev-state\" is not allowed; allowed: state, or a KMS key ARN, arn:aws:kms:<region>:<account>:key/<key id>"),
                bad("flowLogKmsKeyGivenByItsAliasArnIsRefused",
                        minimalWith("network:\n  flowLogKmsKey: \"arn:aws:kms:us-east-1:123456789012:alias/logs\"\n"),
                        "network.flowLogKmsKey: \"arn:aws:kms:us-east-1:123456789012:alias/logs\" is not allowed; allowed: state, or a KMS key ARN, arn:aws:kms:<region>:<account>:key/<key id>"),
                bad("logKmsKeyFromAnotherRegionIsRefused",
                        minimalWith("service:\n  logKmsKey: \"arn:aws:kms:eu-west-1:123456789012:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b\"\n"),
                        "service.logKmsKey: \"arn:aws:kms:eu-west-1:123456789012:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b\" is in eu-west-1; allowed: a key in aws.region (us-east-1), where CloudWatch Logs keeps the group"),
                bad("flowLogKmsKeyFromAnotherAccountIsRefused",
                        minimalReplacing("  region: us-east-1\n", "  region: us-east-1\n  accountId: \"123456789012\"\n")
                                + "network:\n  flowLogKmsKey: \"arn:aws:kms:us-east-1:999999999999:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b\"\n",
                        "network.flowLogKmsKey: \"arn:aws:kms:us-east-1:999999999999:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b\" is in account 999999999999; allowed: a key in aws.accountId (123456789012)"),
                bad("certificateFromAnotherRegionIsRejected", minimalWith("""
                        loadBalancer:
                          certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/0f1e2d3c"
                        """),
                        "loadBalancer.certificateArn: \"arn:aws:acm:eu-west-1:123456789012:certificate/0f1e2d3c\" is in eu-west-1; allowed: a certificate in aws.region (us-east-1), where the load balancer is"),
                bad("accessLogsWithoutBucketNeedABucket", minimalWith("loadBalancer:\n  accessLogs:\n    prefix: alb\n"),
                        "loadBalancer.accessLogs.bucket: is required with loadBalancer.accessLogs; name an S3 bucket of yours in aws.region that Elastic Load Balancing may write to, or leave out loadBalancer.accessLogs"),
                bad("accessLogsBucketWithTwoPeriodsInARowIsRefusedAsAStateBucketIs",
                        minimalWith("loadBalancer:\n  accessLogs:\n    bucket: webapp..logs\n"),
                        "loadBalancer.accessLogs.bucket: \"webapp..logs\" has two periods in a row, which S3 refuses; allowed: an S3 bucket name: 3 to 63 lower-case letters, digits, dots and dashes, no two periods in a row, not an IP address, not starting with xn--, sthree-, amzn-s3-demo- and not ending with -s3alias, --ol-s3, .mrap, --x-s3, --table-s3"),
                bad("accessLogsBucketWithCapitalsIsNotABucketName",
                        minimalWith("loadBalancer:\n  accessLogs:\n    bucket: Webapp-Logs\n"),
                        "loadBalancer.accessLogs.bucket: \"Webapp-Logs\" is not allowed; allowed: an S3 bucket name: 3 to 63 lower-case letters, digits, dots and dashes"),
                bad("accessLogsPrefixStartingWithASlashIsRefused",
                        minimalWith("loadBalancer:\n  accessLogs:\n    bucket: webapp-logs\n    prefix: /alb\n"),
                        "loadBalancer.accessLogs.prefix: \"/alb\" is not allowed; allowed: an S3 key prefix: letters, digits and ! _ . * ' ( ) -, in parts separated by single slashes, not starting or ending with a slash and not containing AWSLogs"),
                bad("accessLogsPrefixContainingAWSLogsIsRefused",
                        minimalWith("loadBalancer:\n  accessLogs:\n    bucket: webapp-logs\n    prefix: alb/AWSLogs\n"),
                        "loadBalancer.accessLogs.prefix: \"alb/AWSLogs\" is not allowed; allowed: an S3 key prefix: letters, digits and ! _ . * ' ( ) -, in parts separated by single slashes, not starting or ending with a slash and not containing AWSLogs"),
                bad("globalWebAclForCloudFrontIsNotARegionalWebAcl", minimalWith("""
                        loadBalancer:
                          wafWebAclArn: "arn:aws:wafv2:us-east-1:123456789012:global/webacl/web/0f1e2d3c"
                        """),
                        "loadBalancer.wafWebAclArn: \"arn:aws:wafv2:us-east-1:123456789012:global/webacl/web/0f1e2d3c\" is not allowed; allowed: a regional WAF web ACL ARN, arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>"),
                bad("webAclFromAnotherRegionIsRejected", minimalWith("""
                        loadBalancer:
                          wafWebAclArn: "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/web/0f1e2d3c"
                        """),
                        "loadBalancer.wafWebAclArn: \"arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/web/0f1e2d3c\" is in eu-west-1; allowed: a web ACL in aws.region (us-east-1), where the load balancer is"),
                bad("webAclOfAnotherAccountIsRejected", minimalReplacing("  region: us-east-1\n",
                        "  region: us-east-1\n  accountId: \"123456789012\"\n") + """
                        loadBalancer:
                          wafWebAclArn: "arn:aws:wafv2:us-east-1:210987654321:regional/webacl/web/0f1e2d3c"
                        """,
                        "loadBalancer.wafWebAclArn: \"arn:aws:wafv2:us-east-1:210987654321:regional/webacl/web/0f1e2d3c\" is of account 210987654321; allowed: a web ACL of aws.accountId (123456789012), the load balancer's account"),
                bad("wafValueNotAllowedIsRefused", minimalWith("loadBalancer:\n  waf: aws-managed-rules\n"),
                        "loadBalancer.waf: \"aws-managed-rules\" is not allowed; allowed: none, managed"),
                bad("managedWafWithTheTeamsWebAclIsRefused", minimalWith("""
                        loadBalancer:
                          waf: managed
                          wafWebAclArn: "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/web/0f1e2d3c"
                        """),
                        "loadBalancer.wafWebAclArn: \"arn:aws:wafv2:us-east-1:123456789012:regional/webacl/web/0f1e2d3c\" is set but loadBalancer.waf is managed, which makes ecsforge's own web ACL; allowed: one web ACL, waf: managed without wafWebAclArn, or wafWebAclArn with waf: none"),
                bad("pinnedZonesNotOneForEachZoneAreRejected",
                        minimalWith("network:\n  azCount: 3\n  availabilityZones: [us-east-1a, us-east-1b]\n"),
                        "network.availabilityZones: 2 zones given; allowed: 3, one for each zone of network.azCount"),
                bad("pinnedZoneThatIsARegionIsNotAZone",
                        minimalWith("network:\n  availabilityZones: [us-east-1, us-east-1b]\n"),
                        "network.availabilityZones[0]: \"us-east-1\" is not allowed; allowed: an availability zone: the region's name and one letter, e.g. us-east-1a"),
                bad("pinnedZoneOfAnotherRegionIsRejected",
                        minimalWith("network:\n  availabilityZones: [us-east-1a, us-west-2b]\n"),
                        "network.availabilityZones[1]: \"us-west-2b\" is not in aws.region (us-east-1); allowed: a zone of us-east-1, e.g. us-east-1a"),
                bad("pinnedZoneGivenTwiceIsRejected",
                        minimalWith("network:\n  availabilityZones: [us-east-1a, us-east-1a]\n"),
                        "network.availabilityZones[1]: \"us-east-1a\" is given twice; allowed: each zone once"),
                // several at once
                bad("everyProblemOfTheFileIsReportedOnePerLineInFileOrder", minimalReplacing("app: webapp\n", "app: WebApp\n")
                        + "network:\n  azCount: 0\nservice:\n  cpu: 256\n  memory: 4096\ndeployment:\n  percent: 100\n",
                        "app: \"WebApp\" is not allowed; allowed: 2 to 21 lower-case letters, digits and single dashes, starting with a letter and not ending with a dash",
                        "network.azCount: 0 is out of range; allowed: 1 to 6",
                        "service.memory: 4096 MiB does not pair with service.cpu 256 on Fargate; allowed memory for cpu 256: 512, 1024 or 2048",
                        "deployment.percent: 100 is out of range; allowed: 1 to 99"));
    }
}
