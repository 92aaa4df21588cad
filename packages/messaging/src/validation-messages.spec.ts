import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsBoolean,
  IsDateString,
  IsEnum,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  validate,
} from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { describeConstraint, fieldErrorsOf } from './validation-messages';
import { validatePayload } from './validation';

enum Kind {
  Equipment = 'EQUIPMENT',
  Material = 'MATERIAL',
}

class Indicator {
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  name!: string;

  @IsInt()
  @Min(0)
  @Max(100)
  value!: number;
}

class Form {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @Matches(/^\d{6}$/)
  division!: string;

  @Matches(/^\d{4}$/, { message: '须为四位数字 / must be four digits' })
  code!: string;

  @IsIn(['a', 'b'])
  choice!: string;

  @IsEnum(Kind)
  kind!: Kind;

  @IsUUID('4', { each: true })
  ids!: string[];

  @IsDateString()
  at!: string;

  @IsBoolean()
  agreed!: boolean;

  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => Indicator)
  indicators!: Indicator[];

  @IsOptional()
  @ValidateNested()
  @Type(() => Indicator)
  best?: Indicator;
}

const hostile = {
  name: '',
  division: '12345x',
  code: 'abcd',
  choice: 'c',
  kind: 'ROCKET',
  ids: ['not-a-uuid'],
  at: 'yesterday',
  agreed: 'yes',
  indicators: [{ name: 'x'.repeat(21), value: 101, admin: true }, 'text'],
  best: { name: 'ok', value: -1 },
  isAdmin: true,
};

describe('field errors in both languages', () => {
  it('name each broken constraint in Chinese and English with its numbers, rule and dotted field path', async () => {
    const r = await validatePayload(Form, hostile);
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'name', message: '不能为空 / must not be empty', rule: 'isNotEmpty' },
        { field: 'division', message: '格式不正确 / has the wrong format', rule: 'matches' },
        { field: 'code', message: '须为四位数字 / must be four digits', rule: 'matches' },
        { field: 'choice', message: '不是可选的值 / must be one of: a, b', rule: 'isIn' },
        { field: 'kind', message: '不是可选的值 / must be one of: EQUIPMENT, MATERIAL', rule: 'isEnum' },
        { field: 'ids', message: '每一项须为有效的编号 / each value must be a valid identifier (UUID)', rule: 'isUuid' },
        { field: 'at', message: '须为有效的日期时间 / must be a valid date (ISO 8601)', rule: 'isDateString' },
        { field: 'agreed', message: '须为“是”或“否” / must be true or false', rule: 'isBoolean' },
        { field: 'indicators.0.name', message: '不能超过 20 个字符 / at most 20 characters', rule: 'maxLength' },
        { field: 'indicators.0.value', message: '不能大于 100 / must be at most 100', rule: 'max' },
        { field: 'indicators.0.admin', message: '不允许提交此字段 / is not allowed (should not exist)', rule: 'whitelistValidation' },
        { field: 'indicators.1', message: '须为一组字段或列表 / must be an object or a list', rule: 'nestedValidation' },
        { field: 'best.value', message: '不能小于 0 / must be at least 0', rule: 'min' },
        { field: 'isAdmin', message: '不允许提交此字段 / is not allowed (should not exist)', rule: 'whitelistValidation' },
      ]),
    );
    // No Latin letters in any Chinese half (the web shows that half to a Chinese user).
    for (const e of errors) expect([e.field, /[A-Za-z]{2,}/.test(e.message.split(' / ')[0])]).toEqual([e.field, false]);
  });

  it('says how many items an empty list needs', async () => {
    const r = await validatePayload(Form, { ...hostile, indicators: [] });
    expect(r.ok ? [] : r.errors).toContainEqual({ field: 'indicators', message: '至少 1 项 / at least 1 item(s)', rule: 'arrayMinSize' });
  });

  it('still words an error whose target was left out, only without the numbers', async () => {
    const errors = await validate(plainToInstance(Form, { ...hostile, name: 'x'.repeat(201) }), { validationError: { target: false } });
    const name = fieldErrorsOf(errors).find((e) => e.field === 'name');
    expect(name).toEqual({ field: 'name', message: expect.stringMatching(/^内容不符合要求 \/ name must be shorter/), rule: 'maxLength' });
  });

  it('keeps class-validator English under a Chinese half for a rule it has no phrase for', () => {
    expect(describeConstraint('isHexColor', [], { fallback: 'color must be a hexadecimal color' })).toBe('内容不符合要求 / color must be a hexadecimal color');
    expect(describeConstraint('maxLength', [200])).toBe('不能超过 200 个字符 / at most 200 characters');
  });
});
