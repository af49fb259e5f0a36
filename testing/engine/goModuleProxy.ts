/**
 * A Go module proxy laid out as a directory, for `GOPROXY=file://<dir>`: the go command
 * reads `<module>/@v/list`, `<version>.info`, `.mod` and `.zip` from it as from an HTTP
 * proxy (https://go.dev/ref/mod#goproxy-protocol). The resolver tests build one per case
 * with exactly the answers they want (an .info with or without Origin, a zip refused),
 * so they need neither the network nor the machine's module cache.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";

/** One version of one module, as the proxy answers for it. */
export interface ServedModule {
  path: string;
  version: string;
  /** The `.info` JSON; `Origin` is optional in the protocol, and real proxies omit it. */
  info: { Version: string; Time: string; Origin?: { VCS: string; URL: string; Hash: string } };
  /** The `go.mod` text. */
  goMod: string;
  /** false: the `.info` and `.mod` are served but the zip is refused (pkg/v3 v3.270.0 was). */
  zip?: boolean;
}

/** Writes the proxy for `modules` under `root` and returns its GOPROXY value. */
export function writeGoModuleProxy(root: string, modules: readonly ServedModule[]): string {
  for (const served of modules) {
    const versionsDirectory = path.join(root, escapeModulePath(served.path), "@v");
    fs.mkdirSync(versionsDirectory, { recursive: true });
    fs.appendFileSync(path.join(versionsDirectory, "list"), `${served.version}\n`);
    const file = (extension: string): string =>
      path.join(versionsDirectory, `${served.version}.${extension}`);
    fs.writeFileSync(file("info"), JSON.stringify(served.info));
    fs.writeFileSync(file("mod"), served.goMod);
    if (served.zip !== false) {
      const prefix = `${served.path}@${served.version}/`;
      fs.writeFileSync(
        file("zip"),
        storedZip([
          { name: `${prefix}go.mod`, data: Buffer.from(served.goMod) },
          { name: `${prefix}doc.go`, data: Buffer.from("package placeholder\n") },
        ]),
      );
    }
  }
  return `file://${root}`;
}

/** Module paths escape capitals as "!" + lower case (https://go.dev/ref/mod#goproxy-protocol). */
function escapeModulePath(modulePath: string): string {
  return modulePath.replace(/[A-Z]/g, (capital) => `!${capital.toLowerCase()}`);
}

interface ZipEntry {
  name: string;
  data: Buffer;
}

/** A zip archive of uncompressed entries (APPNOTE.TXT 4.3), which is all a module zip needs. */
function storedZip(entries: readonly ZipEntry[]): Buffer {
  const DOS_DATE_1980_01_01 = 0x21;
  const localParts: Buffer[] = [];
  const centralParts: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const crc = zlib.crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(DOS_DATE_1980_01_01, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6); // version needed
    central.writeUInt16LE(DOS_DATE_1980_01_01, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    localParts.push(local, name, entry.data);
    centralParts.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const centralDirectory = Buffer.concat(centralParts);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...localParts, centralDirectory, end]);
}
