// EmulatorFixture: one in-process Emulator per test (port 0, plain HTTP unless a test asks for TLS)
// and a small Poco HTTP client to talk to it.
#pragma once

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/NameValueCollection.h>
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <memory>
#include <string>

#include "azureml_emulator/Emulator.h"

namespace azureml_emulator::testing {

struct HttpResult {
  int status = 0;
  std::string body;
  std::string contentType;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string header(const std::string& name) const;
  Poco::JSON::Object::Ptr json() const;  // parses the body; fails the test if it is not an object
};

using Headers = std::map<std::string, std::string>;

// Sends one request on a fresh connection (throws Poco exceptions when the connection dies).
HttpResult send(const Emulator& emulator, const std::string& method, const std::string& pathAndQuery,
                const std::string& body = "", const Headers& headers = {},
                const std::string& contentType = "application/json");

class EmulatorTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;
  virtual EmulatorOptions makeOptions();

  std::string armToken();  // ARM audience, Contributor
  std::string mlToken();
  Headers armHeaders();                                     // Authorization: Bearer <arm token>
  std::string jobsPath(const std::string& job = "") const;  // workspace/jobs[/job] without the query
  std::string jobUrl(const std::string& job) const;         // + ?api-version=2024-10-01
  HttpResult getJob(const std::string& job);
  HttpResult putJob(const std::string& job, const std::string& body, bool withMlToken = true);
  std::string templateProperties(const std::string& templateName);  // properties of a template, as JSON text
  std::string runBodyFrom(const std::string& templateName);         // a PUT body cloning the template
  // Polls until `predicate` holds for the job's status (or ~10 s pass); returns the last status.
  std::string waitForStatus(const std::string& job, const std::function<bool(const std::string&)>& predicate);

  std::unique_ptr<Emulator> emulator;
  std::string armToken_;
};

}  // namespace azureml_emulator::testing
