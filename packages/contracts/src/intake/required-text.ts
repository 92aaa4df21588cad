import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

const text = (max: number) => [IsString(), IsNotEmpty(), MaxLength(max)];
export function Text(max: number): PropertyDecorator {
  return (target, key) => text(max).forEach((d) => d(target, key));
}
