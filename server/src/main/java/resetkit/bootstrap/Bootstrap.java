package resetkit.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import resetkit.account.AccountDirectory;
import resetkit.account.AccountRepository;
import resetkit.account.ApiKeys;
import resetkit.account.NewAccount;
import resetkit.account.TenantAdministration;
import resetkit.account.TenantSettings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Creates the tenants, keys and accounts of the RESETKIT_BOOTSTRAP file at start. Idempotent:
 * what exists already is left as it is, so a restart on a persistent database changes nothing.
 * A path starting with {@code classpath:} reads a file packaged with the server (the demo data).
 */
@Singleton
@Requires(property = "resetkit.bootstrap")
public class Bootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(Bootstrap.class);

    private final String location;
    private final TenantAdministration administration;
    private final ApiKeys apiKeys;
    private final AccountRepository accounts;

    Bootstrap(@Value("${resetkit.bootstrap}") String location, TenantAdministration administration, ApiKeys apiKeys,
              AccountRepository accounts) {
        this.location = location;
        this.administration = administration;
        this.apiKeys = apiKeys;
        this.accounts = accounts;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        BootstrapFile file = read();
        int tenants = 0;
        int created = 0;
        for (BootstrapFile.TenantEntry entry : file.tenants() == null ? List.<BootstrapFile.TenantEntry>of() : file.tenants()) {
            if (administration.findTenant(entry.id()).isEmpty()) {
                administration.createTenant(new TenantSettings(entry.id(), entry.name() == null ? entry.id() : entry.name(),
                        entry.allowedRedirectUrls(), entry.tokenTtlSeconds(), entry.minPasswordLength(), entry.mailFrom()),
                        entry.apiKey());
            } else if (entry.apiKey() != null) {
                apiKeys.register(entry.id(), entry.apiKey());
            }
            tenants++;
            for (BootstrapFile.AccountEntry account : entry.accounts() == null ? List.<BootstrapFile.AccountEntry>of() : entry.accounts()) {
                if (!accounts.existsByTenantIdAndEmail(entry.id(), AccountDirectory.normaliseEmail(account.email()))) {
                    administration.createAccount(entry.id(), new NewAccount(account.email(), account.username(),
                            account.externalId(), account.password(), account.locale()));
                    created++;
                }
            }
        }
        LOG.info("Bootstrap {}: {} tenants, {} accounts created", location, tenants, created);
    }

    private BootstrapFile read() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (InputStream in = open()) {
            return yaml.readValue(in, BootstrapFile.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bootstrap file " + location + ": " + e.getMessage(), e);
        }
    }

    private InputStream open() throws IOException {
        if (location.startsWith("classpath:")) {
            String resource = location.substring("classpath:".length());
            InputStream in = getClass().getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IOException("no such resource");
            }
            return in;
        }
        return Files.newInputStream(Path.of(location));
    }
}
