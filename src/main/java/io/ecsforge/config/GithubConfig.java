package io.ecsforge.config;

/**
 * GitHub Actions' access through OIDC, with no long-lived keys.
 *
 * <p>Its keys in the file, their defaults and the values they allow are declared in {@link GithubSchema}.
 *
 * @param repository {@code owner/name}. 
 * @param branch the branch whose workflows may deploy
 * @param createOidcProvider create the account's GitHub OIDC provider; only one environment per
 *     account may do so, the others look it up
 */
public record GithubConfig(String repository, String branch, boolean createOidcProvider) {}
