package io.ecsforge.config;

/**
 * GitHub Actions' access through OIDC, with no long-lived keys.
 *
 * @param repository {@code owner/name}. Required.
 * @param branch the branch whose workflows may deploy. @default main
 * @param createOidcProvider create the account's GitHub OIDC provider; only one environment per
 *     account may do so, the others look it up. @default false
 */
public record GithubConfig(String repository, String branch, boolean createOidcProvider) {}
