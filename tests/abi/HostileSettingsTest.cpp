// Hostile connection settings and run requests through the ABI (docs/reliability.md): values that are huge,
// hold NUL or invalid UTF-8 bytes, numbers out of range, and oversized parameter values. create() validates
// without network access, so each case ends at once in an instance or PSJ_E_INVALID_SETTINGS with one line
// that names the setting and never shows the secret; a run request ends in a run or a well-formed error.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ContractSession.h"

namespace abitest {
namespace {

class HostileSettings : public ::testing::TestWithParam<PluginCase> {};

// The valid settings with `key` replaced by (or, when absent, given) `value`.
KvList withSetting(const PluginCase& pluginCase, const std::string& key, const std::string& value,
                   std::uint32_t flags = 0) {
  KvList all;
  pluginCase.addValidSettings(all);
  KvList out;
  bool replaced = false;
  for (std::uint64_t i = 0; i < all.size(); ++i) {
    const psj_kv& kv = all.at(i);
    const std::string name(kv.key.data, kv.key.len);
    if (name == key) {
      out.add(name, value, flags | kv.flags);
      replaced = true;
    } else {
      out.add(name, std::string(kv.value.data, kv.value.len), kv.flags);
    }
  }
  if (!replaced) out.add(key, value, flags);
  return out;
}

TEST_P(HostileSettings, HostileValuesEndInAnInstanceOrOneLineNamingTheSetting) {
  ContractSession session(GetParam());
  ASSERT_TRUE(session.loaded());
  const psj_job_type* jt = session.jobType();
  const std::string huge(1u << 20, 'a');
  const std::vector<std::string> values = {
      huge,                        // 1 MiB
      std::string("rg\0evil", 7),  // a NUL inside the value (psj_str carries its length)
      "\xff\xfe\xc3\x28",          // not UTF-8
      "line\nbreak\r\n\x1b[2J",    // line breaks and a terminal escape
      "1e400",                     // numbers out of range for every numeric setting
      "-99999999999999999999999",
  };
  std::vector<std::string> keys;
  KvList valid;
  GetParam().addValidSettings(valid);
  for (std::uint64_t i = 0; i < valid.size(); ++i)
    keys.emplace_back(valid.at(i).key.data, valid.at(i).key.len);
  int instances = 0;
  int refusals = 0;
  for (const std::string& key : keys) {
    for (std::size_t v = 0; v < values.size(); ++v) {
      SCOPED_TRACE(key + ", value " + std::to_string(v));
      const KvList settings = withSetting(GetParam(), key, values[v]);
      TestCallContext ctx(GetParam().callTimeout);
      psj_instance* instance = nullptr;
      const std::int32_t rc = jt->create(jt, settings.data(), settings.size(), ctx.get(), &instance);
      session.expectWellFormed(rc, ctx, [] {});
      if (rc == PSJ_OK) {
        ++instances;
        ASSERT_NE(instance, nullptr);
        jt->destroy(instance);
        continue;
      }
      ++refusals;
      EXPECT_EQ(instance, nullptr);
      EXPECT_EQ(rc, PSJ_E_INVALID_SETTINGS) << ctx.errorMessage();
      const std::string message = ctx.errorMessage();
      EXPECT_EQ(message.find_first_of("\r\n"), std::string::npos) << message.substr(0, 200);
      EXPECT_LE(message.size(), 4096u)
          << "the message grows with the value";  // non-secret values are quoted, cut short
    }
  }
  EXPECT_EQ(instances + refusals, static_cast<int>(keys.size() * values.size()));
}

TEST_P(HostileSettings, OversizedAndStrangeParameterValuesEndInAWellFormedOutcome) {
  ContractSession session(GetParam());
  ASSERT_TRUE(session.loaded());
  const psj_job_type* jt = session.jobType();
  psj_instance* instance = session.instance();
  ASSERT_NE(instance, nullptr);
  const std::string externalId =
      GetParam().runnableExternalId.empty() ? "template" : GetParam().runnableExternalId;
  struct Case {
    std::int32_t type;
    std::string value;
  };
  const std::vector<Case> cases = {
      {PSJ_TYPE_STRING, std::string(4u << 20, 'v')},
      {PSJ_TYPE_STRING, std::string("a\0b", 3)},
      {PSJ_TYPE_STRING, "\xff\xfe"},
      {PSJ_TYPE_INT, "99999999999999999999999"},
      {PSJ_TYPE_FLOAT, "1e400"},
      {PSJ_TYPE_JSON, std::string(100000, '[') + std::string(100000, ']')},
      {PSJ_TYPE_JSON_ARRAY, std::string(1 << 20, '[')},
      {PSJ_TYPE_BOOL, std::string(1 << 20, 't')},
      {PSJ_TYPE_SECRET, std::string(1 << 20, 's')},
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE("case " + std::to_string(i));
    RunRequestData request;
    request.externalId = externalId;
    request.idempotencyKey = "hostile-" + std::to_string(i);
    request.parameters.add(std::string(1 << 16, 'n'), PSJ_DIRECTION_INPUT, cases[i].type, cases[i].value,
                           cases[i].type == PSJ_TYPE_SECRET ? PSJ_PARAM_SECRET : 0u);
    const psj_run_request runRequest = request.get();
    // Values that pass validation go on to the network (a closed port for the real job type): a short
    // deadline ends those at once; what is checked is that validation neither crashes nor lets garbage by.
    TestCallContext ctx(GetParam().callTimeout ? std::optional<std::chrono::milliseconds>(200)
                                               : std::nullopt);
    RunSink run;
    const std::int32_t rc = jt->run(instance, ctx.get(), &runRequest, run.get());
    session.expectWellFormed(rc, ctx, [&] { ContractSession::expectRunOk(run); }, {&run});
    EXPECT_EQ(ctx.errorMessage().find_first_of("\r\n"), std::string::npos);
    EXPECT_LE(ctx.errorMessage().size(), 4096u);
  }
}

INSTANTIATE_TEST_SUITE_P(Plugins, HostileSettings, ::testing::ValuesIn(pluginCases()), CaseName());

}  // namespace
}  // namespace abitest
