# A new plugin author's path, end to end: configure and install plugin_api/ on its own (no Poco, no other
# dependency of this project), build the C and the C++ template out of tree against that install (CMake
# package), build the C template a second time with pkg-config and the C compiler alone (its manifest generated
# by the generator the API ships), check each library exports exactly one symbol, that each generated manifest
# validates against manifest.schema.json, that `polysync-host-stub check-plugin` passes on each plugin folder
# and on the bare .so, and run each through the stub host: listed, run, polled to Success with its output.
#   cmake -DAPI_DIR=<plugin_api> -DTEMPLATES_DIR=<plugin_api/templates> -DWORK_DIR=<scratch> -DGENERATOR=<gen>
#         -DC_COMPILER=<cc> -DCXX_COMPILER=<c++> -DNM=<nm> -DHOST_STUB=<polysync-host-stub> -P templates_build.cmake
file(REMOVE_RECURSE "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

# 1. The API alone: plugin_api/ is its own CMake project.
run("configuring plugin_api/ on its own" "${CMAKE_COMMAND}" -S "${API_DIR}" -B "${WORK_DIR}/api-build" -G "${GENERATOR}"
    "-DCMAKE_C_COMPILER=${C_COMPILER}")
run("installing the API" "${CMAKE_COMMAND}" --install "${WORK_DIR}/api-build" --prefix "${prefix}")
foreach(file include/polysync/jobtype_v1.h include/polysync/jobtype_v1.hpp lib/pkgconfig/polysync-jobtype-v1.pc
             share/polysync-jobtype-v1/manifest.schema.json)
  if(NOT EXISTS "${prefix}/${file}")
    message(FATAL_ERROR "the API install lacks ${file}")
  endif()
endforeach()

# 2. Both templates with CMake, warnings as errors.
set(strict "-Wall -Wextra -pedantic -Werror")
foreach(template c cpp)
  run("configuring the ${template} template" "${CMAKE_COMMAND}" -S "${TEMPLATES_DIR}/${template}"
      -B "${WORK_DIR}/${template}" -G "${GENERATOR}" "-DCMAKE_PREFIX_PATH=${prefix}" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
      "-DCMAKE_C_COMPILER=${C_COMPILER}" "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}" "-DCMAKE_C_FLAGS=${strict}"
      "-DCMAKE_CXX_FLAGS=${strict}" --no-warn-unused-cli)
  run("building the ${template} template" "${CMAKE_COMMAND}" --build "${WORK_DIR}/${template}")
endforeach()

# 3. The C template with pkg-config and the compiler alone, as a Make or Meson user would.
set(ENV{PKG_CONFIG_PATH} "${prefix}/lib/pkgconfig")
run("pkg-config --cflags" pkg-config --cflags polysync-jobtype-v1)
string(STRIP "${last_output}" cflags)
run("pkg-config --variable=version_script" pkg-config --variable=version_script polysync-jobtype-v1)
string(STRIP "${last_output}" version_script)
separate_arguments(cflags UNIX_COMMAND "${cflags}")
file(MAKE_DIRECTORY "${WORK_DIR}/pkgconfig/plugins")
run("compiling the C template with pkg-config" "${C_COMPILER}" -std=c99 -Wall -Wextra -pedantic -Werror -shared -fPIC
    -fvisibility=hidden ${cflags} "${TEMPLATES_DIR}/c/greeting_job.c" -o "${WORK_DIR}/pkgconfig/plugins/greeting_job.so"
    "-Wl,--version-script=${version_script}" -Wl,-z,defs)
run("pkg-config --variable=manifest_generator" pkg-config --variable=manifest_generator polysync-jobtype-v1)
string(STRIP "${last_output}" generator_source)
run("compiling the manifest generator with pkg-config" "${C_COMPILER}" -std=c99 -Wall -Wextra -pedantic -Werror ${cflags}
    "${generator_source}" -o "${WORK_DIR}/pkgconfig/polysync_jobtype_manifest" -ldl)
run("generating the C template's manifest" "${WORK_DIR}/pkgconfig/polysync_jobtype_manifest"
    "${WORK_DIR}/pkgconfig/plugins/greeting_job.so" "${WORK_DIR}/pkgconfig/plugins/greeting-job.json")

# 4. Each plugin exports one symbol, loads in the stub host, runs and polls to Success with its output.
file(WRITE "${WORK_DIR}/platform.json" "{\"Greeting\": \"hello\"}")
foreach(case "c;Greeting Job" "cpp;Hello Job" "pkgconfig;Greeting Job")
  list(GET case 0 dir)
  list(GET case 1 job_type)
  set(plugins "${WORK_DIR}/${dir}/plugins")
  file(GLOB library "${plugins}/*.so")
  run("checking the exports of ${library}" "${CMAKE_COMMAND}" -DNM=${NM} -DLIBRARY=${library}
      -P "${CMAKE_CURRENT_LIST_DIR}/check_exports.cmake")
  file(GLOB manifest "${plugins}/*.json")
  run("validating ${manifest} against the schema" python3 -c [=[
import json, sys, jsonschema
schema, manifest = (json.load(open(path)) for path in sys.argv[1:3])
jsonschema.Draft202012Validator(schema).validate(manifest)
]=] "${prefix}/share/polysync-jobtype-v1/manifest.schema.json" "${manifest}")
  run("check-plugin on ${plugins}" "${HOST_STUB}" --platform "${WORK_DIR}/platform.json" check-plugin "${plugins}"
      --external-id template)
  if(NOT last_output MATCHES "\n[1-9][0-9]* passed, 0 failed\n$")
    message(FATAL_ERROR "check-plugin on ${plugins} did not end with \"N passed, 0 failed\":\n${last_output}")
  endif()
  # The bare library, with no --platform: the checks that need settings are skipped, naming Greeting.
  run("check-plugin on ${library}" "${HOST_STUB}" check-plugin "${library}")
  if(NOT last_output MATCHES "\"Greeting\" is required" OR NOT last_output MATCHES " passed, 0 failed\n$")
    message(FATAL_ERROR "check-plugin on ${library} without settings:\n${last_output}")
  endif()
  run("listing ${dir}'s plugin" "${HOST_STUB}" --plugin-dir "${plugins}" --json plugins)
  if(NOT last_output MATCHES "\"displayName\":\"${job_type}\"")
    message(FATAL_ERROR "the stub host did not list ${job_type} from ${plugins}:\n${last_output}")
  endif()
  run("running ${job_type} (${dir})" "${HOST_STUB}" --plugin-dir "${plugins}" --platform "${WORK_DIR}/platform.json"
      --json run --job-type "${job_type}" --external-id template --idempotency-key run-1 --output greeting --wait)
  if(NOT last_output MATCHES "\"status\":\"Success\"" OR NOT last_output MATCHES "\"greeting\":\"hello")
    message(FATAL_ERROR "${job_type} (${dir}) did not run to Success with its greeting:\n${last_output}")
  endif()
  # A missing required setting is a configuration error naming the setting.
  file(WRITE "${WORK_DIR}/empty.json" "{}")
  execute_process(COMMAND "${HOST_STUB}" --plugin-dir "${plugins}" --platform "${WORK_DIR}/empty.json" --json
                          run --job-type "${job_type}" --external-id template --idempotency-key run-2
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(rc EQUAL 0 OR NOT out MATCHES "\"code\":\"InvalidSettings\"" OR NOT out MATCHES "Greeting")
    message(FATAL_ERROR "${job_type} (${dir}) without its setting: expected InvalidSettings naming Greeting, got ${rc}:\n${out}\n${err}")
  endif()
endforeach()
message(STATUS "plugin_api/ installed on its own; the C and C++ templates built with CMake and pkg-config and ran")
