package studio.imgen.workspace;

/** The account a visitor creates from an invitation. */
public record NewAccount(String username, String displayName, String password, String confirmation) {

    @Override
    public String toString() {
        return "NewAccount[username=" + username + ", displayName=" + displayName + "]";
    }
}
