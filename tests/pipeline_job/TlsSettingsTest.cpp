// TLS and plain HTTP as a user sees them: through the job type's settings and test connection. The
// emulator's certificate comes from its own CA, so without `CA Bundle Path` it is refused with a TLS verdict;
// plain HTTP is refused unless the endpoint is loopback and `Allow Plain HTTP To Loopback` is true.
// (Certificate faults one by one — self-signed, expired, wrong host — are in tests/arm/TlsTest.cpp.)
#include "PipelineJobFixture.h"
#include "pipeline_job/PipelineSettingNames.h"

namespace aifoundry::pipeline_job::testing {
namespace {

namespace names = pipeline_job::names;

class TlsSettingsTest : public PipelineJobTest {
 protected:
  // An instance of the job type against another emulator (plain HTTP), with the given changes.
  std::unique_ptr<core::JobTypeInstance> connectTo(const azureml_emulator::Emulator& other,
                                                   Settings changes) {
    changes[std::string(common::settings::kResourceManagerEndpoint)] = other.baseUrl();
    changes[std::string(common::settings::kAuthorityHost)] = other.baseUrl();
    changes[std::string(common::settings::kCaBundlePath)] = "";
    return connect(changes);
  }
  std::unique_ptr<azureml_emulator::Emulator> plainEmulator() {
    azureml_emulator::EmulatorOptions options;
    options.https = false;
    auto plain = std::make_unique<azureml_emulator::Emulator>(options);
    plain->registerClientSecret(plain->options().tenant, kClientId, kClientSecret);
    plain->start();
    return plain;
  }
};

TEST_F(TlsSettingsTest, AnUntrustedCertificateIsATlsVerdictNamingTheCaBundleSetting) {
  auto untrusting = connect({{std::string(common::settings::kCaBundlePath), ""}});
  const auto error = expectError([&] { testConnection(untrusting.get()); });
  EXPECT_EQ(error.code(), core::ErrorCode::InvalidSettings) << error.message();
  EXPECT_EQ(error.message().rfind("TLS failure", 0), 0u) << error.message();
  EXPECT_NE(error.message().find("'CA Bundle Path'"), std::string::npos) << error.message();
  EXPECT_EQ(error.message().find('\n'), std::string::npos) << error.message();
  EXPECT_EQ(count("token") + count("workspace"), 0u) << "nothing may be sent over an unverified connection";
}

TEST_F(TlsSettingsTest, TheConfiguredCaIsAccepted) { EXPECT_EQ(testConnection().rfind("all good", 0), 0u); }

TEST_F(TlsSettingsTest, PlainHttpToANonLoopbackAddressIsRefusedEvenWithTheSetting) {
  Settings changes{{std::string(common::settings::kResourceManagerEndpoint), "http://10.20.30.40:8080"},
                   {std::string(common::settings::kAuthorityHost), "http://10.20.30.40:8080"},
                   {std::string(common::settings::kAllowPlainHttpToLoopback), "true"}};
  core::JobTypeError error(core::ErrorCode::Internal, "");
  try {
    auto refused = connect(changes);
    error = expectError([&] { testConnection(refused.get()); });
  } catch (const core::JobTypeError& e) {
    error = e;  // refused already when the settings are read: better still
  }
  EXPECT_EQ(error.code(), core::ErrorCode::InvalidSettings) << error.message();
  EXPECT_NE(error.message().find("HTTP"), std::string::npos) << error.message();
  EXPECT_EQ(error.message().find('\n'), std::string::npos) << error.message();
}

TEST_F(TlsSettingsTest, PlainHttpToLoopbackOnlyWithTheSetting) {
  auto plain = plainEmulator();
  core::JobTypeError error(core::ErrorCode::Internal, "");
  try {
    auto refused = connectTo(*plain, {});
    error = expectError([&] { testConnection(refused.get()); });
  } catch (const core::JobTypeError& e) {
    error = e;
  }
  EXPECT_EQ(error.code(), core::ErrorCode::InvalidSettings) << error.message();
  EXPECT_NE(error.message().find("'Allow Plain HTTP To Loopback'"), std::string::npos) << error.message();
  EXPECT_EQ(plain->journal().size(), 0u) << "nothing may be sent before the setting allows it";

  auto allowed = connectTo(*plain, {{std::string(common::settings::kAllowPlainHttpToLoopback), "true"}});
  EXPECT_EQ(testConnection(allowed.get()).rfind("all good", 0), 0u);
}

}  // namespace
}  // namespace aifoundry::pipeline_job::testing
