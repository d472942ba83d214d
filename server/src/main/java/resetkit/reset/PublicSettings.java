package resetkit.reset;

import io.micronaut.context.annotation.ConfigurationProperties;

/** Where resetkit itself is reachable by people (the hosted reset page). */
@ConfigurationProperties("resetkit.public")
public class PublicSettings {
    private String url = "http://localhost:8080";

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }
}
