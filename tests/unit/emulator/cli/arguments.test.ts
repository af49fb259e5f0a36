/** The emulator's command line, parsed without side effects. */
import assert from "node:assert/strict";
import { parseCliArguments } from "../../../../testing/emulator/cli/arguments";
import { CliUsageError } from "../../../../testing/emulator/cli/usage";
import type { RateLimits } from "../../../../testing/emulator/rateLimits";

describe("Cognito emulator command line", () => {
  it("parses defaults: port 4599 on 127.0.0.1, account 123456789012, no faults", () => {
    assert.deepEqual(parseCliArguments([]), {
      port: 4599,
      host: "127.0.0.1",
      accountId: "123456789012",
      faults: [],
      help: false,
    });
  });

  it("parses every flag, with repeatable --fault kind[:operation[:times[:latencyMs]]]", () => {
    const options = parseCliArguments([
      "--port=0",
      "--host",
      "0.0.0.0",
      "--account-id",
      "111122223333",
      "--fault",
      "throttle:SetLogDeliveryConfiguration:2",
      "--fault",
      "latency::*:300",
      "--fault",
      "drop-after-apply",
    ]);
    assert.deepEqual(options, {
      port: 0,
      host: "0.0.0.0",
      accountId: "111122223333",
      faults: [
        { kind: "throttle", operation: "SetLogDeliveryConfiguration", times: 2 },
        { kind: "latency", times: Infinity, latencyMs: 300 },
        { kind: "drop-after-apply" },
      ],
      help: false,
    });
  });

  const rateLimitCommandLines: { argv: string[]; rateLimits: RateLimits }[] = [
    {
      argv: ["--rate-limit", "read=15,write=15,pool=5"],
      rateLimits: {
        read: { requestsPerSecond: 15 },
        write: { requestsPerSecond: 15 },
        perPool: { requestsPerSecond: 5 },
      },
    },
    {
      argv: ["--rate-limit=read=15/30"],
      rateLimits: { read: { requestsPerSecond: 15, burst: 30 } },
    },
    {
      argv: ["--rate-limit", "pool=0.5", "--rate-limit", "write=2.5/5"],
      rateLimits: {
        perPool: { requestsPerSecond: 0.5 },
        write: { requestsPerSecond: 2.5, burst: 5 },
      },
    },
  ];
  for (const { argv, rateLimits } of rateLimitCommandLines) {
    it(`parses ${argv.join(" ")} into rate limits`, () => {
      assert.deepEqual(parseCliArguments(argv).rateLimits, rateLimits);
    });
  }

  const badCommandLines: { argv: string[]; message: string }[] = [
    {
      argv: ["--port", "abc"],
      message: '--port must be a whole number from 0 to 65535; got "abc"',
    },
    {
      argv: ["--port", "70000"],
      message: '--port must be a whole number from 0 to 65535; got "70000"',
    },
    { argv: ["--account-id", "123"], message: '--account-id must be 12 digits; got "123"' },
    {
      argv: ["--bogus"],
      message:
        'unknown option "--bogus"; use --port, --host, --account-id, --fault, --rate-limit, --principal, --cloudtrail-delay, --ivschat-delay, --ivschat-fail, --help',
    },
    {
      argv: ["--constructor", "x"],
      message:
        'unknown option "--constructor"; use --port, --host, --account-id, --fault, --rate-limit, --principal, --cloudtrail-delay, --ivschat-delay, --ivschat-fail, --help',
    },
    {
      argv: ["-p", "4599"],
      message:
        'unknown option "-p"; use --port, --host, --account-id, --fault, --rate-limit, --principal, --cloudtrail-delay, --ivschat-delay, --ivschat-fail, --help',
    },
    {
      argv: ["stray"],
      message:
        'unexpected argument "stray"; the emulator takes only options: --port, --host, --account-id, --fault, --rate-limit, --principal, --cloudtrail-delay, --ivschat-delay, --ivschat-fail, --help',
    },
    {
      argv: ["--", "--port", "1"],
      message:
        'unexpected argument "--port"; the emulator takes only options: --port, --host, --account-id, --fault, --rate-limit, --principal, --cloudtrail-delay, --ivschat-delay, --ivschat-fail, --help',
    },
    { argv: ["--port"], message: "--port needs a value" },
    { argv: ["--host", "0.0.0.0", "--fault"], message: "--fault needs a value" },
    {
      argv: ["--port", "--help"],
      message:
        '--port needs a value, and "--help" is taken for an option; to give a value that starts with a dash, write --port=--help',
    },
    { argv: ["--help=yes"], message: "--help takes no value; write --help alone" },
    {
      argv: ["--fault", "explode"],
      message:
        '--fault "explode": unknown fault kind "explode"; use one of throttle, internal-error, latency, drop-after-apply',
    },
    {
      argv: ["--fault", "latency:ListUserPools"],
      message:
        '--fault "latency:ListUserPools": a latency fault needs latencyMs, a number of milliseconds >= 0; got undefined',
    },
    {
      argv: ["--fault", "throttle:*:x"],
      message: '--fault "throttle:*:x": times must be a whole number; got "x"',
    },
    {
      argv: ["--fault", "throttle:a:1:2:3"],
      message:
        '--fault "throttle:a:1:2:3" has too many parts; write kind[:operation[:times[:latencyMs]]]',
    },
    {
      argv: ["--rate-limit", "read"],
      message:
        '--rate-limit "read": write category=requestsPerSecond[/burst] separated by commas, e.g. read=15,write=15,pool=5/10',
    },
    {
      argv: ["--rate-limit", "read=15,,pool=5"],
      message:
        '--rate-limit "read=15,,pool=5": write category=requestsPerSecond[/burst] separated by commas, e.g. read=15,write=15,pool=5/10',
    },
    {
      argv: ["--rate-limit", "reads=15"],
      message:
        '--rate-limit "reads=15": unknown category "reads"; use read, write, pool, chat-read, chat-write',
    },
    {
      argv: ["--rate-limit", "read=fast"],
      message:
        '--rate-limit "read=fast": read needs numbers as requestsPerSecond[/burst], e.g. 15 or 15/30; got "fast"',
    },
    {
      argv: ["--rate-limit", "write=15/"],
      message:
        '--rate-limit "write=15/": write needs numbers as requestsPerSecond[/burst], e.g. 15 or 15/30; got "15/"',
    },
    {
      argv: ["--rate-limit", "pool=1/2/3"],
      message:
        '--rate-limit "pool=1/2/3": pool needs numbers as requestsPerSecond[/burst], e.g. 15 or 15/30; got "1/2/3"',
    },
    {
      argv: ["--rate-limit", "read=0"],
      message: '--rate-limit "read=0": read: requestsPerSecond must be a positive number; got 0',
    },
    {
      argv: ["--rate-limit", "pool=5/0.5"],
      message: '--rate-limit "pool=5/0.5": pool: burst must be a number of at least 1; got 0.5',
    },
    {
      argv: ["--rate-limit", "read=5", "--rate-limit", "write=1,read=6"],
      message: '--rate-limit "write=1,read=6": read is given twice',
    },
  ];
  for (const { argv, message } of badCommandLines) {
    it(`refuses ${argv.join(" ")} with one line saying what to write`, () => {
      assert.throws(
        () => parseCliArguments(argv),
        (error: Error) => error instanceof CliUsageError && error.message === message,
      );
    });
  }

  it("parses --principal KEY=role/NAME/SESSION | user/NAME | root, and --cloudtrail-delay in seconds", () => {
    const options = parseCliArguments([
      "--principal",
      "AKIAOUTSIDEALICE0001=role/Admin/alice@example.com",
      "--principal=AKIAAUDITOR000000001=user/auditor",
      "--principal",
      "AKIAROOT000000000001=root",
      "--cloudtrail-delay",
      "300",
    ]);
    assert.deepEqual(options.principals, {
      AKIAOUTSIDEALICE0001: {
        type: "AssumedRole",
        roleName: "Admin",
        sessionName: "alice@example.com",
      },
      AKIAAUDITOR000000001: { type: "IAMUser", userName: "auditor" },
      AKIAROOT000000000001: { type: "Root" },
    });
    assert.deepEqual(options.cloudTrail, { deliveryDelayMs: 300_000 });
  });

  it("says what to write for a principal or delay it cannot use", () => {
    const refused = (argv: string[]) => {
      try {
        parseCliArguments(argv);
      } catch (error) {
        assert.ok(error instanceof CliUsageError);
        return error.message;
      }
      assert.fail(`accepted ${argv.join(" ")}`);
    };
    assert.match(
      refused(["--principal", "alice=role/Admin/alice"]),
      /start with an access key ID.*KEY=role\/NAME\/SESSION/,
    );
    assert.match(
      refused(["--principal", "AKIAOUTSIDEALICE0001=role/Admin"]),
      /"role\/Admin" is not an identity/,
    );
    assert.match(refused(["--principal", "AKIAOUTSIDEALICE0001=user/a b"]), /is not an identity/);
    assert.match(
      refused(["--cloudtrail-delay", "soon"]),
      /--cloudtrail-delay must be a number of seconds, 0 or more/,
    );
    assert.match(refused(["--cloudtrail-delay=-1"]), /got "-1"/);
  });

  it("parses --ivschat-delay in seconds and --ivschat-fail as a pattern over names, and refuses what it cannot use", () => {
    const options = parseCliArguments([
      "--ivschat-delay",
      "1.5",
      "--ivschat-fail",
      "^broken-",
      "--rate-limit",
      "chat-read=5,chat-write=5/10",
    ]);
    assert.equal(options.ivsChat?.activationDelayMs, 1500);
    assert.equal(options.ivsChat?.failingNames?.test("broken-room"), true);
    assert.deepEqual(options.rateLimits, {
      chatRead: { requestsPerSecond: 5 },
      chatWrite: { requestsPerSecond: 5, burst: 10 },
    });
    assert.equal(parseCliArguments([]).ivsChat, undefined);
    assert.throws(
      () => parseCliArguments(["--ivschat-delay", "soon"]),
      /--ivschat-delay must be a number of seconds, 0 or more; got "soon"/,
    );
    assert.throws(
      () => parseCliArguments(["--ivschat-fail", "(unclosed"]),
      /--ivschat-fail must be a regular expression over names/,
    );
  });
});
