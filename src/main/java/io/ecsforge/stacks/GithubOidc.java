package io.ecsforge.stacks;

import com.hashicorp.cdktf.providers.aws.data_aws_iam_openid_connect_provider.DataAwsIamOpenidConnectProvider;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import com.hashicorp.cdktf.providers.aws.iam_openid_connect_provider.IamOpenidConnectProvider;
import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.config.GithubConfig;
import java.util.List;
import software.constructs.Construct;

/** GitHub Actions as an identity AWS trusts: the account's OIDC provider and the trust statements of the roles jobs assume. */
final class GithubOidc {
    /** GitHub's OIDC issuer; the role trust policies name its claims by this host. */
    static final String HOST = "token.actions.githubusercontent.com";
    static final String URL = "https://" + HOST;
    /** The audience aws-actions/configure-aws-credentials asks GitHub to put in the token. */
    static final String AUDIENCE = "sts.amazonaws.com";
    /**
     * The thumbprints GitHub published for its OIDC certificate chain (2023-06). IAM no longer
     * checks them for this issuer, which it verifies through its own trusted CAs, but the API
     * still requires at least one.
     */
    static final List<String> THUMBPRINTS = List.of(
            "1c58a3a8518e8759bf075b76b750d4f2df264fcd", "6938fd4d98bab03faadb97b34396831e3780aea1");
    /** The construct id of the provider, made or looked up. */
    private static final String PROVIDER_ID = "github";

    private GithubOidc() {}

    /** The account's GitHub OIDC provider's ARN: made here when configured, otherwise looked up (one per account). */
    static String provider(Construct scope, GithubConfig github) {
        if (github.createOidcProvider()) {
            return IamOpenidConnectProvider.Builder.create(scope, PROVIDER_ID)
                    .url(URL)
                    .clientIdList(List.of(AUDIENCE))
                    .thumbprintList(THUMBPRINTS)
                    .build()
                    .getArn();
        }
        return DataAwsIamOpenidConnectProvider.Builder.create(scope, PROVIDER_ID).url(URL).build().getArn();
    }

    /** The subject GitHub gives a job that runs in the GitHub environment named after this one. */
    static String environmentSubject(EnvironmentConfig config) {
        return "repo:" + config.github().repository() + ":environment:" + config.environment();
    }

    /** The subject GitHub gives a job that runs for a pull request. */
    static String pullRequestSubject(EnvironmentConfig config) {
        return "repo:" + config.github().repository() + ":pull_request";
    }

    /** Jobs with one of {@code subjects}, holding a token of {@code provider} for AWS, may assume the role. */
    static DataAwsIamPolicyDocumentStatement trust(String provider, List<String> subjects) {
        return PolicyBuilder.assumedBy("Federated", provider)
                .sid("AssumedByGithubActions")
                .actions("sts:AssumeRoleWithWebIdentity")
                .when("StringEquals", HOST + ":aud", AUDIENCE)
                .when("StringEquals", HOST + ":sub", subjects)
                .build();
    }
}
