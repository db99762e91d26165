# Out-of-tree build: install the project's API (component "api") into a fresh prefix, then configure and
# build tests/abi/out_of_tree/ against it with find_package(PolysyncJobType 1 CONFIG REQUIRED), and check the
# plugin it builds exports exactly one symbol.
#   cmake -DBUILD_DIR=<project build> -DSOURCE_DIR=<tests/abi/out_of_tree> -DWORK_DIR=<scratch>
#         -DGENERATOR=<generator> -DNM=<nm> -DC_COMPILER=<cc> -P out_of_tree_build.cmake
file(REMOVE_RECURSE "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")
set(build "${WORK_DIR}/build")

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}\n${err}")
  endif()
endfunction()

run("installing the API" "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}" --component api)
if(NOT EXISTS "${prefix}/include/polysync/jobtype_v1.h")
  message(FATAL_ERROR "the install did not put polysync/jobtype_v1.h under ${prefix}/include")
endif()
# Only the installed tree may be found: no package registry, no system prefixes for PolysyncJobType.
run("configuring the out-of-tree plugin" "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${build}" -G "${GENERATOR}"
    "-DCMAKE_PREFIX_PATH=${prefix}" "-DCMAKE_C_COMPILER=${C_COMPILER}" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
    -DCMAKE_BUILD_TYPE=Release)
run("building the out-of-tree plugin" "${CMAKE_COMMAND}" --build "${build}")
file(GLOB_RECURSE built "${build}/*.so")
list(LENGTH built count)
if(NOT count EQUAL 1)
  message(FATAL_ERROR "expected one plugin library in ${build}, found: ${built}")
endif()
run("checking its exports" "${CMAKE_COMMAND}" -DNM=${NM} -DLIBRARY=${built} -P "${CMAKE_CURRENT_LIST_DIR}/check_exports.cmake")
message(STATUS "out-of-tree plugin ${built} built against ${prefix} and exports exactly one symbol")
