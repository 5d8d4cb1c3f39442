package dev.sfmcp.emulator.http;

import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/** Closes a request's TCP connection without answering, as a dropped connection looks to the client. */
public final class AbortedConnection {

    private AbortedConnection() {
    }

    public static void abort(Context ctx) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        request.getConnectionMetaData().getConnection().getEndPoint().close();
    }
}
