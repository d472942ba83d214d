package resetkit.devinbox;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.views.ModelAndView;

import java.util.Map;

/**
 * /dev/mail: the mails of the drop folder, readable in a browser, for the quick start. Exists
 * only while no SMTP host is configured AND resetkit.dev-inbox.enabled is true (the demo
 * environment sets it); a production configuration never has it.
 */
@Controller("/dev/mail")
@DevInboxEnabled
public class DevInboxController {
    static final int LIST_LIMIT = 200;

    private final DropFolderMails mails;

    DevInboxController(DropFolderMails mails) {
        this.mails = mails;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<ModelAndView<Map<String, Object>>> list() {
        return HttpResponse.ok(new ModelAndView<>("dev/inbox", Map.of("mails", mails.newest(LIST_LIMIT))));
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    public HttpResponse<ModelAndView<Map<String, Object>>> show(@PathVariable String id) {
        return mails.find(id)
                .map(mail -> HttpResponse.ok(new ModelAndView<Map<String, Object>>("dev/mail", Map.of("mail", mail))))
                .orElseGet(HttpResponse::notFound);
    }

    /** The mail's own HTML, as written; DevInboxHeaders sandboxes it (no script, no requests). */
    @Get(value = "/{id}/html", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> html(@PathVariable String id) {
        return mails.find(id).filter(mail -> mail.html() != null)
                .map(mail -> HttpResponse.ok(mail.html()))
                .orElseGet(HttpResponse::notFound);
    }
}
