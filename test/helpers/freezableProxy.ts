import net from "node:net";

/** A TCP proxy in front of a server whose answers can be held back: a server that keeps its connections but stops answering. */
export interface FreezableProxy {
  /** The port it listens on, at 127.0.0.1. */
  readonly port: number;
  /** From now on nothing the server sends reaches the client (the connections stay open). */
  freeze(): void;
  /** Closes every connection and stops listening. */
  close(): Promise<void>;
}

export async function startFreezableProxy(host: string, port: number): Promise<FreezableProxy> {
  let frozen = false;
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    // A side closed or reset: the other ends with it; nothing to report.
    socket.on("error", () => undefined);
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(port, host);
    track(client);
    track(upstream);
    client.on("data", (data) => upstream.write(data));
    upstream.on("data", (data) => {
      if (!frozen) client.write(data);
    });
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the proxy has no TCP port");
  return {
    port: address.port,
    freeze() {
      frozen = true;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
