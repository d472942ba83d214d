package resetkit.mail;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Mail templates: the built-in ones (English and German) can be overridden by files in
 * {@code templates-dir} (RESETKIT_MAIL_TEMPLATES_DIR): {@code <tenant>/<locale>/<kind>.html},
 * {@code .txt} and {@code .subject.txt}, or {@code default/<locale>/...} for every tenant.
 */
@ConfigurationProperties("resetkit.mail")
public class MailTemplateSettings {
    @Nullable
    private String templatesDir;
    private String defaultLocale = "en";

    @Nullable
    public String getTemplatesDir() {
        return templatesDir;
    }

    public void setTemplatesDir(@Nullable String templatesDir) {
        this.templatesDir = templatesDir;
    }

    public String getDefaultLocale() {
        return defaultLocale;
    }

    public void setDefaultLocale(String defaultLocale) {
        this.defaultLocale = defaultLocale;
    }
}
