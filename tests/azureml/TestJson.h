// Helpers shared by the azureml/ unit tests: reading the official examples and poking into JSON text.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>

#include "azureml/AzureMlError.h"
#include "common/JsonView.h"
#include "common/SecretString.h"

namespace aifoundry::azureml::test {

// The text of a request body or literal (they come in a SecretString), for a test to look into.
inline std::string plain(const common::SecretString& text) { return std::string(text.view()); }

inline std::string readExample(const std::string& fileName) {
  const std::string path = std::string(AZML_EXAMPLES_DIR) + "/" + fileName;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open official example " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The raw text at a path of object keys, e.g. at(doc, {"responses", "200", "body"}); throws when absent.
inline std::string at(const std::string& json, std::initializer_list<const char*> path) {
  common::JsonView v = common::JsonView::parse(json, "test json");
  for (const char* key : path) {
    const auto next = v.member(key);
    if (!next) throw std::runtime_error(std::string("no member ") + key);
    v = *next;
  }
  return std::string(v.raw());
}

inline bool has(const std::string& json, std::initializer_list<const char*> path) {
  try {
    at(json, path);
    return true;
  } catch (const std::runtime_error&) {
    return false;
  }
}

// Runs fn and returns the AzureMlError it threw (fails the test when it throws nothing).
template <typename Fn>
AzureMlError errorOf(Fn&& fn) {
  try {
    fn();
  } catch (const AzureMlError& e) {
    return e;
  }
  ADD_FAILURE() << "expected an AzureMlError";
  return AzureMlError("none", "none");
}

}  // namespace aifoundry::azureml::test
