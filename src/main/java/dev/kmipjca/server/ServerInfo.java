package dev.kmipjca.server;

/** What Query Server Information reports. */
record ServerInfo(String vendor, String version) {
    static final String VENDOR = "kmip-jca development server";

    static ServerInfo current() {
        String v = ServerInfo.class.getPackage().getImplementationVersion();
        return new ServerInfo(VENDOR, v == null ? "development build" : v);
    }
}
