#include "ChildProcess.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <iostream>
#include <stdexcept>

#include "EmulatorProcess.h"
#include "LoadTools.h"
#include "PluginLibrary.h"
#include "ProcessStats.h"

namespace bench {
namespace {

std::string argument(const std::vector<std::string>& args, const std::string& name) {
  for (size_t i = 0; i + 1 < args.size(); ++i)
    if (args[i] == name) return args[i + 1];
  return {};
}

std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Load + init + create; the idle instance's cost is what the process grew by.
int startup(const std::string& plugin, const PluginLibrary::Settings& settings) {
  const long rss0 = residentBytes();
  const Stopwatch load;
  PluginLibrary library(plugin);
  const double loadMs = load.millis();
  const Stopwatch create;
  auto instance = library.create(settings);
  const double createMs = create.millis();
  const long rss1 = residentBytes();
  const Stopwatch first;
  instance->poll("train-pipeline-template");  // sign-in + connection + one GET
  const double firstPollMs = first.millis();
  std::cout << "{\"loadInitMs\":" << loadMs << ",\"createMs\":" << createMs
            << ",\"idleInstanceBytes\":" << (rss1 - rss0) << ",\"firstPollMs\":" << firstPollMs << "}\n";
  return 0;
}

// Streams every job to a counting sink; reports the peak growth while doing so.
int import(const std::string& plugin, const PluginLibrary::Settings& settings) {
  PluginLibrary library(plugin);
  auto instance = library.create(settings);
  const long rss0 = residentBytes();
  const bool reset = resetPeakResident();
  const long hwm0 = peakResidentBytes();
  uint64_t bytes = 0;
  const Stopwatch watch;
  const uint64_t jobs = instance->importJobs([&](std::string_view id) { bytes += id.size(); });
  const double ms = watch.millis();
  const long hwm1 = peakResidentBytes();
  // Without a resettable peak, the growth is measured from the peak before the import.
  const long growth = hwm1 - (reset ? rss0 : hwm0);
  std::cout << "{\"jobs\":" << jobs << ",\"ms\":" << ms << ",\"peakGrowthBytes\":" << growth
            << ",\"peakBytes\":" << hwm1 << ",\"idBytes\":" << bytes << "}\n";
  return 0;
}

}  // namespace

int childMain(const std::vector<std::string>& args) {
  try {
    const std::string kind = args.empty() ? std::string() : args[0];
    const auto settings = EmulatorProcess::settingsFor(argument(args, "--base-url"), argument(args, "--ca"));
    const std::string plugin = argument(args, "--plugin");
    if (kind == "startup") return startup(plugin, settings);
    if (kind == "import") return import(plugin, settings);
    std::cerr << "polysync-bench: unknown child '" << kind << "'\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "polysync-bench child: " << e.what() << "\n";
    return 1;
  }
}

std::map<std::string, double> runChild(const std::string& self, const std::string& kind,
                                       const std::string& plugin, const std::string& baseUrl,
                                       const std::string& caPath) {
  std::string command =
      quote(self) + " --child " + kind + " --plugin " + quote(plugin) + " --base-url " + quote(baseUrl);
  if (!caPath.empty()) command += " --ca " + quote(caPath);
  int status = 0;
  const std::string output = runCommand(command, status);
  if (status != 0) throw std::runtime_error("the " + kind + " child failed (" + std::to_string(status) + ")");
  auto object = Poco::JSON::Parser().parse(output).extract<Poco::JSON::Object::Ptr>();
  std::map<std::string, double> values;
  for (const auto& name : object->getNames()) values[name] = object->getValue<double>(name);
  return values;
}

}  // namespace bench
