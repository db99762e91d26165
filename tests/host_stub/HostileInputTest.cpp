// Hostile input to the stub host (docs/reliability.md): manifests, --platform files, --param-file and --param
// values that are deeply nested, huge, not UTF-8, full of NUL or control bytes, out of range or of the wrong
// type. Each ends in a result or one typed error that the host shows as one bounded, printable line.
// Bounds are sizes, never times.
#include <gtest/gtest.h>
#include <polysync/jobtype_v1/base.h>

#include <cstdio>
#include <string>
#include <vector>

#include "polysync_host/CommandRunner.h"
#include "polysync_host/Errors.h"
#include "polysync_host/JsonWriter.h"
#include "polysync_host/Logger.h"
#include "polysync_host/Manifest.h"
#include "polysync_host/ParameterParsing.h"
#include "polysync_host/PlatformSettings.h"
#include "polysync_host/ResultJson.h"
#include "polysync_host/ResultText.h"
#include "polysync_host/TerminalText.h"

namespace {

using namespace polysync::host;

const std::string kManifest =
    R"({"manifestVersion":1,"id":"polysync.aifoundry","version":"0.1.0","library":"lib/p.so",)"
    R"("abi":{"major":1,"minor":2,"minHostMinor":1},"jobTypes":[{"id":"a.b-c","displayName":"A B"}]})";

std::string replaced(const std::string& from, const std::string& to) {
  std::string text = kManifest;
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

// What the host shows for the exception `fn` throws: it must be of type E and show as one bounded line.
template <class E, class Fn>
std::string shownError(Fn&& fn) {
  try {
    fn();
  } catch (const E&) {
    const Failure failure = currentFailure();
    EXPECT_FALSE(failure.message.empty());
    EXPECT_EQ(failure.message.find_first_of("\r\n"), std::string::npos) << failure.message.substr(0, 200);
    for (const char c : failure.message)
      EXPECT_GE(static_cast<unsigned char>(c), 0x20) << "a control byte is shown";
    EXPECT_LE(failure.message.size(), 4096u + 3u);
    return failure.message;
  } catch (const std::exception& e) {
    ADD_FAILURE() << "wrong exception type: " << e.what();
    return {};
  }
  ADD_FAILURE() << "no exception";
  return {};
}

std::string nested(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

TEST(HostileManifest, DeepNestingHugeTextAndBadBytesAreOneLineRefusals) {
  const std::vector<std::string> bad = {
      nested(100000),             // deeper than the parser allows
      std::string(1 << 20, '{'),  // unclosed
      replaced(R"("polysync.aifoundry")", std::string("\"poly\0sync\"", 11)),
      replaced(R"("polysync.aifoundry")", "\"poly\xff\xfesync\""),
      replaced(R"("A B")", "\"A\nB\""),  // a raw line break: not JSON
      std::string("\0\n\0", 3),
      kManifest + std::string(1, '\0'),
  };
  for (std::size_t i = 0; i < bad.size(); ++i) {
    const std::string& text = bad[i];
    SCOPED_TRACE("case " + std::to_string(i));
    shownError<PluginLoadError>([&] { parseManifest(text, "/plugins/m.json"); });
  }
}

TEST(HostileManifest, AnEightMebibyteLibraryNameIsKeptWhole) {
  // No length rule in manifest.schema.json: the name is kept whole, and the loader's "no such file" refusal
  // (one line, shown through currentFailure) follows when the host tries to open it.
  const std::string name(8u << 20, 'a');
  const Manifest manifest = parseManifest(replaced(R"("lib/p.so")", "\"" + name + "\""), "/plugins/m.json");
  EXPECT_EQ(manifest.library, name);
}

TEST(HostileManifest, NumbersOutOfRangeAndWrongTypesInEveryFieldAreRefused) {
  for (const char* number :
       {"-1", "4294967296", "1e30", "1.5", "99999999999999999999999", "-0.0e1", "\"1\"", "null", "[]"}) {
    SCOPED_TRACE(number);
    shownError<PluginLoadError>(
        [&] { parseManifest(replaced(R"("major":1)", std::string(R"("major":)") + number), "m"); });
    shownError<PluginLoadError>([&] {
      parseManifest(replaced(R"("manifestVersion":1)", std::string(R"("manifestVersion":)") + number), "m");
    });
  }
  for (const char* field :
       {R"("polysync.aifoundry")", R"("0.1.0")", R"("lib/p.so")", R"({"major":1,"minor":2,"minHostMinor":1})",
        R"([{"id":"a.b-c","displayName":"A B"}])", R"("a.b-c")", R"("A B")"}) {
    for (const char* wrong : {"null", "true", "7", "[]", "{}", R"("")", R"([[]])"}) {
      SCOPED_TRACE(std::string(field) + " -> " + wrong);
      shownError<PluginLoadError>([&] { parseManifest(replaced(field, wrong), "m"); });
    }
  }
}

TEST(HostilePlatformSettings, MalformedFilesAreOneLineUsageErrors) {
  const std::set<std::string> secrets{"Client Secret"};
  const std::vector<std::string> bad = {
      nested(100000),
      std::string(1 << 20, '{'),
      "[]",
      "\"text\"",
      "42",
      "null",
      R"({"A":{"b":1}})",
      R"({"A":[1]})",
      std::string("{\"A\":\"x\0y\"}", 11),
      "{\"A\":\"line\nbreak\"}",
      R"({"Client Secret":"s3cr3t-canary",)",  // truncated, with a secret before the break
  };
  for (const std::string& text : bad) {
    SCOPED_TRACE(text.substr(0, 40));
    const std::string shown = shownError<UsageError>([&] { parsePlatformSettings(text, "p.json", secrets); });
    EXPECT_EQ(shown.find("s3cr3t-canary"), std::string::npos) << "the error shows a secret";
  }
  // Valid but hostile: huge values are kept whole, an escaped NUL too; a number beyond 64 bits is refused
  // (the parser cannot hold it) rather than rounded.
  const std::string big(4u << 20, 'v');
  const auto settings = parsePlatformSettings(R"({"Big":")" + big + R"(","U":"\u0000"})", "p.json", secrets);
  ASSERT_EQ(settings.size(), 2u);
  EXPECT_EQ(settings[0].value, big);
  EXPECT_EQ(settings[1].value, std::string(1, '\0'));
  shownError<UsageError>(
      [&] { parsePlatformSettings(R"({"N":123456789012345678901234567890})", "p.json", secrets); });
  // A settings schema nested beyond the parser's limit adds no secret names, and no crash.
  EXPECT_EQ(secretSettingNames(std::string(R"({"properties":)") + nested(100000) + "}").size(), 3u);
}

TEST(HostileParameters, OversizedOutOfRangeAndMalformedParametersAreOneLineUsageErrors) {
  for (const std::string& spec :
       {std::string("n:Int=9223372036854775808"), std::string("n:Int=1e3"), std::string("n:Float=1e400"),
        std::string("n:Bool=maybe"), std::string("n:JSON={"), std::string("n:JSON=") + nested(100000),
        std::string("n:JsonArray={}"), std::string("n:Nope=1"), std::string("=x"), std::string("no-equals"),
        std::string("a\nb:Int=x"), std::string("n:Int=\x1b[31m")}) {
    SCOPED_TRACE(spec.substr(0, 40));
    shownError<UsageError>([&] { parseParamOption(spec); });
  }
  // An 8 MiB value is taken whole; an 8 MiB bad value is refused without being echoed whole.
  const std::string big(8u << 20, '7');
  EXPECT_EQ(parseParamOption("n=" + big).value.size(), big.size());
  EXPECT_LE(shownError<UsageError>([&] { parseParamOption("n:Int=" + big); }).size(), 4096u + 3u);
  for (const std::string& file :
       {nested(100000), std::string("{}"), std::string(R"([{"name":7}])"),
        std::string(R"([{"name":"a","direction":"Sideways"}])"),
        std::string(R"([{"name":"a","type":"Int","value":1e400}])"),
        std::string(R"([{"name":"a"},{"name":"a"}])"), std::string("[") + std::string(1 << 16, '1')}) {
    SCOPED_TRACE(file.substr(0, 40));
    shownError<UsageError>([&] {
      const auto parameters = parseParamFile(file, "params.json");
      checkUniqueNames(parameters);
    });
  }
}

TEST(HostileOutput, APluginsMultiLineMessageIsShownAsOneLine) {
  const std::string shown = shownError<OperationError>([] {
    throw OperationError(299,
                         "first line\nsecond line\r\n\x1b[2Jcleared screen?\t" + std::string(100000, 'x'));
  });
  EXPECT_NE(shown.find("first line"), std::string::npos);
  EXPECT_NE(shown.find("second line"), std::string::npos);
}

// Terminal control characters from a plugin or a server (docs/reliability.md, "Hostile server"): the writers
// show every one escaped and keep the rest of the text.
const std::string kAttack = std::string("\x1b]0;owned\x07\x1b[2J") + '\0' + "\r\t\x7f" +
                            "\xc2\x9b"
                            "31m" +
                            "\xe2\x80\xae"
                            "txt.exe" +
                            "\x9b" + "\xc3";

TEST(HostileTerminalText, EveryControlCharacterIsShownEscapedAndTheRestKept) {
  EXPECT_EQ(terminalText(kAttack + "\n"),
            R"(\x1b]0;owned\x07\x1b[2J\x00\x0d\x09\x7f\u009b31m\u202etxt.exe\x9b\xc3)"
            "\n");
  EXPECT_EQ(terminalText("caf\xc3\xa9 \xe2\x82\xac 10 \xf0\x9f\x99\x82 a\\b"),
            "caf\xc3\xa9 \xe2\x82\xac 10 \xf0\x9f\x99\x82 a\\b");
  EXPECT_EQ(terminalText("\xc2\x80\xc2\x9f\xc2\xa0"), "\\u0080\\u009f\xc2\xa0");  // C1 ends at U+009F
}

std::string written(const CommandOutcome& outcome, bool json, bool stderrSide = false) {
  std::FILE* out = std::tmpfile();
  std::FILE* err = std::tmpfile();
  writeOutcome(outcome, json, out, err);
  std::FILE* f = stderrSide ? err : out;
  std::rewind(f);
  std::string text;
  char buf[4096];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) text.append(buf, n);
  std::fclose(out);
  std::fclose(err);
  return text;
}

bool hasRawControl(const std::string& text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\n') || c == 0x7f) return true;
    if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9f) return true;
  }
  return false;
}

TEST(HostileTerminalText, EveryFieldOfTheTextResultsIsWrittenEscaped) {
  RunStatus status;
  status.runId = "run" + kAttack;
  status.state = PSJ_STATE_FAILED;
  status.providerStatus = "Failed" + kAttack;
  status.message = "boom" + kAttack;
  status.outputs = {{"out" + kAttack, "uri" + kAttack}};
  status.monitorUrl = "https://ml.azure.com/" + kAttack;
  ImportedJob job;
  job.externalId = "id" + kAttack;
  job.name = "name" + kAttack;
  job.description = "about" + kAttack;
  job.jobType = "type" + kAttack;
  ParameterSchemaInfo parameter;
  parameter.name = "p" + kAttack;
  parameter.defaultValue = "v" + kAttack;
  job.parameters.push_back(parameter);
  RunSubmission submission;
  submission.runId = "run" + kAttack;
  submission.monitorUrl = "https://x/" + kAttack;
  for (const std::string& text : {statusText(status), importText({job}), runSubmittedText(submission),
                                  testConnectionText("ok" + kAttack)}) {
    const std::string shown = written(CommandOutcome{0, text, ""}, false);
    EXPECT_FALSE(hasRawControl(shown)) << shown;
    EXPECT_NE(shown.find(R"(\x1b]0;owned\x07)"), std::string::npos) << shown;
  }
  const std::string error =
      written(CommandOutcome{1, "", errorText(Failure{1, "Rejected", "no" + kAttack, {}})}, false, true);
  EXPECT_FALSE(hasRawControl(error)) << error;
  EXPECT_NE(error.find(R"(\u009b31m)"), std::string::npos) << error;
  // --json: the document is written as the JSON writer made it; that escapes controls as JSON does.
  const std::string json = written(CommandOutcome{0, statusJson(status) + "\n", ""}, true);
  EXPECT_FALSE(hasRawControl(json)) << json;
  EXPECT_NE(json.find(R"(\u001b]0;owned\u0007)"), std::string::npos) << json;
  EXPECT_NE(json.find(R"(\u009b31m)"), std::string::npos) << json;
}

TEST(HostileTerminalText, LogLinesAndTheLiveStatusLineAreWrittenEscaped) {
  std::FILE* file = std::tmpfile();
  Logger logger(PSJ_LOG_TRACE, file);
  logger.log(PSJ_LOG_WARN, "from a plugin" + kAttack + "\nsecond line", "plugin");
  logger.writeText("run x: Running" + kAttack, "\r\x1b[2K");
  std::rewind(file);
  std::string text;
  char buf[4096];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, file)) > 0;) text.append(buf, n);
  std::fclose(file);
  const std::string prefix = "\r\x1b[2K";  // the host's own sequence, the only one written raw
  const auto at = text.find(prefix);
  ASSERT_NE(at, std::string::npos) << text;
  EXPECT_FALSE(hasRawControl(text.substr(0, at) + text.substr(at + prefix.size()))) << text;
  EXPECT_NE(text.find(R"(from a plugin\x1b]0;owned\x07)"), std::string::npos) << text;
  EXPECT_NE(text.find("second line"), std::string::npos) << text;
  EXPECT_EQ(text.find('\n'), text.find("second line") + 11) << "one message, one line: " << text;
}

}  // namespace
