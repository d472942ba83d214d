package resetkit.api;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * Normalises the request path before Micronaut sees it: repeated slashes become one (as nginx's
 * {@code merge_slashes} does) and a trailing slash is dropped. Tangerine365 documents its endpoint
 * as {@code //auth/lostPassword}; Micronaut would parse that request target with
 * {@code java.net.URI}, which reads {@code //auth} as a host, and find no route. The router
 * already ignores a trailing slash but path-matched filters (tenant keys) do not, so without
 * this {@code /auth/forgot-password/} would reach the controller unauthenticated. Applies to
 * every path; the query string is left as it is.
 */
@Singleton
public class RequestPathNormalizer implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    static final String HANDLER_NAME = "resetkit-path-normalizer";
    private static final Handler HANDLER = new Handler();

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        NettyServerCustomizer.Registry registry = event.getBean();
        registry.register(new Customizer(null));
        return registry;
    }

    /**
     * The request target with each run of slashes in its path made one slash and no trailing
     * slash (but "/" stays "/"); targets that are not origin-form ("*", absolute URLs) unchanged.
     */
    public static String normalize(String target) {
        if (target == null || !target.startsWith("/") || target.length() == 1) {
            return target;
        }
        int end = target.length();
        int query = target.indexOf('?');
        int fragment = target.indexOf('#');
        if (query >= 0) {
            end = query;
        }
        if (fragment >= 0 && fragment < end) {
            end = fragment;
        }
        String path = target.substring(0, end).replaceAll("/{2,}", "/");
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path + target.substring(end);
    }

    private record Customizer(Channel channel) implements NettyServerCustomizer {
        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return new Customizer(channel);
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel != null && channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND) != null
                    && channel.pipeline().get(HANDLER_NAME) == null) {
                channel.pipeline().addBefore(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND, HANDLER_NAME, HANDLER);
            }
        }
    }

    @ChannelHandler.Sharable
    static final class Handler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest request) {
                String normalized = normalize(request.uri());
                if (!normalized.equals(request.uri())) {
                    request.setUri(normalized);
                }
            }
            ctx.fireChannelRead(msg);
        }
    }
}
