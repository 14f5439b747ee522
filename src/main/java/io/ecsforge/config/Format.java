package io.ecsforge.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a string in the configuration must look like: its pattern, and the words every message and
 * the configuration reference use for it. Every format of the file is declared here, once, with
 * the fixed lists of values AWS accepts.
 *
 * @param pattern the whole value must match it
 * @param allowed what the pattern allows, in words, for messages ("allowed: ...") and the docs
 * @param minLength the fewest characters, beside the pattern: lengths a nested pattern cannot say
 * @param maxLength the most characters, likewise
 */
record Format(Pattern pattern, String allowed, int minLength, int maxLength) {
    // Names are joined with dashes into every resource name ("webapp-dev-network"), so a dash at
    // the end or two in a row would make names that read as a different app or environment.
    static final Format APP_NAME = of("(?!.*--)[a-z][a-z0-9-]{0,19}[a-z0-9]",
            "2 to 21 lower-case letters, digits and single dashes, starting with a letter and not ending with a dash");
    static final Format ENV_NAME = of("(?!.*--)[a-z](?:[a-z0-9-]{0,14}[a-z0-9])?",
            "1 to 16 lower-case letters, digits and single dashes, starting with a letter and not ending with a dash");
    static final Format REGION = of("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d", "an AWS region such as us-east-1");
    static final Format ACCOUNT_ID = of("\\d{12}", "12 digits, quoted");
    /** A zone of a region: its name and one letter. Local and Wavelength Zones, which add more, are not full zones. */
    static final Format ZONE = of(REGION.pattern().pattern() + "[a-z]",
            "an availability zone: the region's name and one letter, e.g. us-east-1a");
    // IAM: a path of up to 512 characters, then a name of up to 64.
    static final Format ROLE_ARN = of("arn:aws[a-z-]*:iam::\\d{12}:role/(?:[\\w+=,.@/-]{0,511}/)?[\\w+=,.@-]{1,64}",
            "an IAM role ARN, arn:aws:iam::<account>:role/<name>, the name up to 64 characters");
    static final Format PROVIDER_VERSION = of(Constraint.PATTERN, "a Terraform version constraint: comma-separated"
            + " conditions, each an operator (=, !=, >, >=, <, <=, ~>) and a version, e.g. \""
            + AwsConfig.DEFAULT_PROVIDER_VERSION + "\" or \"~> 5.100\"");
    static final Format BUCKET = of("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]",
            "an S3 bucket name: 3 to 63 lower-case letters, digits, dots and dashes");
    /** What S3 refuses in a bucket name beyond {@link #BUCKET}'s pattern, in the words messages use. */
    static final List<String> BUCKET_RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
    static final List<String> BUCKET_RESERVED_SUFFIXES = List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");
    static final String BUCKET_RULES = "no two periods in a row, not an IP address, not starting with "
            + String.join(", ", BUCKET_RESERVED_PREFIXES) + " and not ending with " + String.join(", ", BUCKET_RESERVED_SUFFIXES);
    /**
     * Where in a bucket a load balancer writes its access logs: S3's safe characters in parts
     * between single slashes. ELB writes under {@code <prefix>/AWSLogs/<account>/} itself, and
     * refuses a prefix that contains AWSLogs.
     */
    static final Format LOG_PREFIX = of("(?!.*AWSLogs)[A-Za-z0-9!_.*'()-]+(?:/[A-Za-z0-9!_.*'()-]+)*",
            "an S3 key prefix: letters, digits and ! _ . * ' ( ) -, in parts separated by single slashes, not starting or"
                    + " ending with a slash and not containing AWSLogs");
    /** An S3 key prefix of the characters S3 calls safe in object keys, where S3 server access logs go. */
    static final Format OBJECT_KEY_PREFIX = of("[A-Za-z0-9!_.*'()/-]{1,512}",
            "1 to 512 letters, digits and ! - _ . * ' ( ) /, e.g. state/prod/");
    static final Format TABLE = of("[A-Za-z0-9_.-]{3,255}", "a DynamoDB table name: 3 to 255 letters, digits, _ . -");
    static final Format REPOSITORY = of("[a-z0-9]+(?:[._-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*",
            "an ECR repository name: 2 to 256 lower-case letters, digits, and . _ - / between them").lengths(2, 256);
    static final Format GITHUB_REPO = of("[A-Za-z0-9-]{1,39}/[A-Za-z0-9._-]{1,100}", "owner/name, e.g. my-org/webapp");
    static final Format BRANCH = of("[A-Za-z0-9._/-]{1,255}", "a branch name such as main");
    static final Format CONTAINER_NAME = of("[A-Za-z0-9_-]{1,255}", "letters, digits, _ and -, up to 255");
    static final Format HEALTH_PATH = of("/[\\x21-\\x7e]{0,1023}", "a path starting with /, e.g. /health");
    static final Format IMAGE_TAG = of("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}", "a Docker tag: letters, digits, _ . -, up to 128");
    static final Format ENV_VAR = of("[A-Za-z_][A-Za-z0-9_]*", "an environment variable name");
    static final Format SECRET_ARN = of(
            "arn:aws[a-z-]*:(ssm:[a-z0-9-]+:\\d{12}:parameter/.+|secretsmanager:[a-z0-9-]+:\\d{12}:secret:.+)",
            "arn:aws:ssm:<region>:<account>:parameter/<name> or arn:aws:secretsmanager:<region>:<account>:secret:<name>");
    // WAF: a name of 1 to 128 letters, digits, _ and -, and an id of up to 128 hex digits and dashes.
    static final Format WEB_ACL_ARN = of("arn:aws[a-z-]*:wafv2:[a-z0-9-]+:\\d{12}:regional/webacl/[\\w-]{1,128}/[0-9a-f-]{1,128}",
            "a regional WAF web ACL ARN, arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>");
    /** A KMS key by its key ARN, as CloudWatch Logs takes it (not an alias): a key id or a multi-Region key id. */
    static final String KMS_KEY_ARN_PATTERN = "arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:key/"
            + "(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})";
    static final String KMS_KEY_ARN_ALLOWED = "a KMS key ARN, arn:aws:kms:<region>:<account>:key/<key id>";
    static final Format KMS_KEY_ARN = of(KMS_KEY_ARN_PATTERN, KMS_KEY_ARN_ALLOWED);
    static final Format LOG_KMS_KEY = of(EnvironmentConfig.STATE_KEY + "|" + KMS_KEY_ARN_PATTERN,
            EnvironmentConfig.STATE_KEY + ", or " + KMS_KEY_ARN_ALLOWED);
    static final Format CERTIFICATE_ARN = of("arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/.+", "an ACM certificate ARN");
    /** What IAM takes as a policy's resource, "*" aside: an ARN, with wildcards where IAM allows them. */
    static final Format RESOURCE_ARN = of("arn:[a-z*-]+:[a-z0-9*-]+:[a-z0-9*-]*:(?:\\d{12}|aws|\\*)?:.+",
            "an ARN, arn:<partition>:<service>:<region>:<account>:<resource>, e.g. arn:aws:s3:::my-bucket/*");
    static final Format IAM_ACTION = of("[a-z0-9-]+:[A-Za-z0-9*]+",
            "one action as service:Action, e.g. s3:GetObject (not \"*\" or \"service:*\")");
    static final Format TAG_KEY = of("[\\p{L}\\p{N}\\p{Zs}_.:/=+@-]{1,128}",
            "1 to 128 letters, digits, spaces and _ . : / = + - @, not starting with aws:");
    static final Format TAG_VALUE = of("[\\p{L}\\p{N}\\p{Zs}_.:/=+@-]{0,256}",
            "up to 256 letters, digits, spaces and _ . : / = + - @");

    static final Format PREFIX_LIST_ID = of("pl-[0-9a-f]{8}(?:[0-9a-f]{9})?", "a managed prefix list id, pl- and 8 or 17 hex digits");
    static final Format SECURITY_GROUP_ID = of("sg-[0-9a-f]{8}(?:[0-9a-f]{9})?", "a security group id, sg- and 8 or 17 hex digits");
    /** What EC2 takes in a security group rule's description, less room for the environment's name in front. */
    static final Format RULE_DESCRIPTION = of("[A-Za-z0-9. _:/()#,@\\[\\]+=&;{}!$*-]{1,200}",
            "1 to 200 letters, digits, spaces and . _ - : / ( ) # , @ [ ] + = & ; { } ! $ *");
    static final Format SSL_POLICY = of("ELBSecurityPolicy-(?:TLS13-|FS-1-2-).*",
            "an ELBSecurityPolicy-TLS13-* or ELBSecurityPolicy-FS-1-2-* policy");

    /** The retentions CloudWatch Logs accepts, in days. */
    static final List<Integer> LOG_RETENTIONS = List.of(
            1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private static Format of(String regex, String allowed) {
        return new Format(Pattern.compile(regex), allowed, 0, Integer.MAX_VALUE);
    }

    private Format lengths(int min, int max) {
        return new Format(pattern, allowed, min, max);
    }

    /** Whether a length other than the pattern's own applies. */
    boolean limitsLength() {
        return minLength > 0 || maxLength < Integer.MAX_VALUE;
    }

    boolean matches(String value) {
        return value.length() >= minLength && value.length() <= maxLength && pattern.matcher(value).matches();
    }

    /**
     * Reports {@code value} at {@code key} unless it matches: the one message for a string of the
     * wrong form. A value that is missing or not a string was reported already, so is not checked.
     */
    String check(Section s, String key, String value) {
        if (s.ok(key) && !matches(value)) {
            s.problem(key, "\"" + value + "\" is not allowed; allowed: " + allowed);
        }
        return value;
    }

    /** Terraform's version constraint syntax: one or more conditions, separated by commas. */
    private static final class Constraint {
        /** One condition: an optional operator and a version. */
        private static final String CONDITION =
                "\\s*(?:=|!=|>=|<=|>|<|~>)?\\s*\\d+(?:\\.\\d+){0,2}(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?\\s*";
        static final String PATTERN = CONDITION + "(?:," + CONDITION + ")*";
    }
}
