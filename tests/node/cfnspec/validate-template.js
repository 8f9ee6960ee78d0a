#!/usr/bin/env node
// Checks a CloudFormation template (JSON) against the CloudFormation resource specification from
// @aws-cdk/cfnspec: every resource type exists, every property name exists, every value has the
// property's type (primitive, list, map or property type, recursively), every required property is
// there, Ref targets a declared parameter or resource, and the template's top-level keys are known.
// Intrinsic functions ({"Ref": ...}, {"Fn::...": ...}) stand for any type. Prints one line per
// problem and exits 1 if there is any, else prints "ok <n> resources" and exits 0.
'use strict';
const fs = require('fs');
const spec = require('@aws-cdk/cfnspec').specification();

const file = process.argv[2];
if (!file) { console.error('usage: validate-template.js template.json'); process.exit(2); }
const template = JSON.parse(fs.readFileSync(file, 'utf8'));
const problems = [];

const topKeys = ['AWSTemplateFormatVersion', 'Description', 'Metadata', 'Parameters', 'Mappings', 'Conditions', 'Transform', 'Resources', 'Outputs'];
for (const key of Object.keys(template)) if (!topKeys.includes(key)) problems.push(`unknown top-level key ${key}`);
const resources = template.Resources || {};
if (Object.keys(resources).length === 0) problems.push('no Resources');
const parameters = template.Parameters || {};
const ids = new Set([...Object.keys(parameters), ...Object.keys(resources)]);
if (ids.size !== Object.keys(parameters).length + Object.keys(resources).length) problems.push('a logical id is both a parameter and a resource');
for (const id of ids) if (!/^[A-Za-z0-9]{1,255}$/.test(id)) problems.push(`logical id ${id} is not alphanumeric (1-255)`);
const parameterTypes = ['String', 'Number', 'List<Number>', 'CommaDelimitedList'];
for (const [id, p] of Object.entries(parameters)) {
  if (!parameterTypes.includes(p.Type) && !/^AWS::/.test(p.Type)) problems.push(`parameter ${id}: Type ${p.Type}`);
  for (const k of Object.keys(p)) if (!['Type', 'Default', 'NoEcho', 'AllowedValues', 'AllowedPattern', 'MaxLength', 'MinLength', 'MaxValue', 'MinValue', 'Description', 'ConstraintDescription'].includes(k)) problems.push(`parameter ${id}: unknown key ${k}`);
}

function isIntrinsic(v) {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}

function checkRefs(v, where) {
  if (Array.isArray(v)) { v.forEach((x, i) => checkRefs(x, `${where}[${i}]`)); return; }
  if (v && typeof v === 'object') {
    if (isIntrinsic(v) && 'Ref' in v && !ids.has(v.Ref) && !String(v.Ref).startsWith('AWS::')) problems.push(`${where}: Ref to undeclared ${v.Ref}`);
    for (const [k, x] of Object.entries(v)) checkRefs(x, `${where}.${k}`);
  }
}

function checkPrimitive(type, v, where) {
  if (isIntrinsic(v)) return;
  const ok = {
    String: typeof v === 'string',
    Long: Number.isInteger(v), Integer: Number.isInteger(v), Double: typeof v === 'number',
    Boolean: typeof v === 'boolean', Timestamp: typeof v === 'string',
    Json: v !== null && typeof v === 'object' && !Array.isArray(v),
  }[type];
  if (!ok) problems.push(`${where}: expected ${type}, got ${JSON.stringify(v)}`);
}

function checkProperties(resourceType, defs, props, where) {
  if (props === null || typeof props !== 'object' || Array.isArray(props)) { problems.push(`${where}: properties are not an object`); return; }
  for (const [name, def] of Object.entries(defs)) if (def.Required && !(name in props)) problems.push(`${where}: required property ${name} missing`);
  for (const [name, value] of Object.entries(props)) {
    const def = defs[name];
    if (!def) { problems.push(`${where}: unknown property ${name}`); continue; }
    checkValue(resourceType, def, value, `${where}.${name}`);
  }
}

function checkValue(resourceType, def, value, where) {
  if (isIntrinsic(value)) return;
  if (def.PrimitiveType) return checkPrimitive(def.PrimitiveType, value, where);
  if (def.Type === 'List' || def.Type === 'Map') {
    const isList = def.Type === 'List';
    if (isList ? !Array.isArray(value) : (value === null || typeof value !== 'object' || Array.isArray(value))) { problems.push(`${where}: expected ${def.Type}`); return; }
    const items = isList ? value : Object.values(value);
    items.forEach((item, i) => {
      if (def.PrimitiveItemType) checkPrimitive(def.PrimitiveItemType, item, `${where}[${i}]`);
      else checkType(resourceType, def.ItemType, item, `${where}[${i}]`);
    });
    return;
  }
  checkType(resourceType, def.Type, value, where);
}

function checkType(resourceType, typeName, value, where) {
  const type = spec.PropertyTypes[`${resourceType}.${typeName}`] || spec.PropertyTypes[typeName];
  if (!type) { problems.push(`${where}: property type ${typeName} not in the specification`); return; }
  checkProperties(resourceType, type.Properties || {}, value, where);
}

const resourceKeys = ['Type', 'Properties', 'DeletionPolicy', 'UpdateReplacePolicy', 'DependsOn', 'Condition', 'Metadata', 'CreationPolicy', 'UpdatePolicy'];
for (const [id, resource] of Object.entries(resources)) {
  for (const k of Object.keys(resource)) if (!resourceKeys.includes(k)) problems.push(`${id}: unknown key ${k}`);
  const type = spec.ResourceTypes[resource.Type];
  if (!type) { problems.push(`${id}: resource type ${resource.Type} not in the specification`); continue; }
  for (const policy of ['DeletionPolicy', 'UpdateReplacePolicy'])
    if (policy in resource && !['Delete', 'Retain', 'Snapshot', 'RetainExceptOnCreate'].includes(resource[policy])) problems.push(`${id}: ${policy} ${resource[policy]}`);
  checkProperties(resource.Type, type.Properties || {}, resource.Properties || {}, `${id}(${resource.Type})`);
}
checkRefs(resources, 'Resources');

if (problems.length) { for (const p of problems) console.log(p); process.exit(1); }
console.log(`ok ${Object.keys(resources).length} resources (specification ${spec.ResourceSpecificationVersion})`);
