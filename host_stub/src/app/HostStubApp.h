// polysync-host-stub's Poco::Util::Application: options through Poco's OptionSet, the command as positional
// arguments; the work is CommandRunner's.
#pragma once

#include <Poco/Util/Application.h>

#include "polysync_host/CommandOptions.h"

namespace polysync::host {

class HostStubApp : public Poco::Util::Application {
 public:
  HostStubApp();

 protected:
  void defineOptions(Poco::Util::OptionSet& options) override;
  void handleOption(const std::string& name, const std::string& value) override;
  int main(const ArgVec& args) override;

 private:
  CommandOptions options_;
};

}  // namespace polysync::host
