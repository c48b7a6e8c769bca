package studio.imgen.api;

/** A token just created: the only moment its secret exists outside the client that receives it. */
public record CreatedToken(ApiToken token, String secret) {
}
