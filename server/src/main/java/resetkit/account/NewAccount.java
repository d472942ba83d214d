package resetkit.account;

import io.micronaut.core.annotation.Nullable;

public record NewAccount(
        String email,
        @Nullable String username,
        @Nullable String externalId,
        @Nullable String password,
        @Nullable String locale) {
}
