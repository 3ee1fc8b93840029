/**
 * The package's own name and version, sent in X-Client and User-Agent. Checked against package.json
 * by a test.
 */
export const PACKAGE_NAME = "class-booking-api";
export const VERSION = "0.1.0";
