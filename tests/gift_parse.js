// Reads GIFT on standard input and prints what gift-pegjs (a third-party parser) makes of it.
const { parse } = require("gift-pegjs");
const text = require("fs").readFileSync(0, "utf8");
process.stdout.write(JSON.stringify(parse(text)));
